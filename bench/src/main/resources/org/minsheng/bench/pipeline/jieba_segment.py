"""Segments each line of a UTF-8 file with jieba (default mode, HMM on) and prints one JSON object:
{"posts": n, "tokens": t, "seconds": s, "maxrss_kib": k}. Only the segmentation loop is timed; dictionary loading
(jieba.initialize) and reading the file are not. Used by org.minsheng.bench.pipeline.JiebaPeer."""
import json
import logging
import sys
import time

import jieba

jieba.setLogLevel(logging.WARNING)
with open(sys.argv[1], encoding="utf-8") as f:
    texts = [line.rstrip("\n") for line in f]
jieba.initialize()
for t in texts[:200]:  # warm-up, as the Java side warms up its segmenter
    jieba.lcut(t)
tokens = 0
start = time.perf_counter()
for t in texts:
    tokens += len(jieba.lcut(t))
seconds = time.perf_counter() - start


def peak_rss_kib():
    # VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss over execve, so a child of a large JVM would report
    # the JVM's peak
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


print(json.dumps({"posts": len(texts), "tokens": tokens, "seconds": seconds, "maxrss_kib": peak_rss_kib()}))
