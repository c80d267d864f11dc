#!/usr/bin/env python3
"""Replays post documents into an Elasticsearch node the way the job's sinks write them, and prints the CPU the node
spent per post (from /proc/PID/stat: user + system time of the server JVM), so that a mapping or a write mode can be
compared on the same documents without the job competing for the cores.

usage: replay-post-writes.py URL ES_PID DOCS TEMPLATE LABEL [--rate 700] [--lag 3000]
                              [--first create|update] [--topic update|index|none] [--limit N]

DOCS      NDJSON of post documents (dump-posts.py). Each is split into its text-stage part and its topic-stage part
          (simhash, duplicateOf, duplicateKind, keywords, persons, places, organisations, topicId; posts without them
          borrow another post's); reprint fields are dropped.
TEMPLATE  an index-template body (e.g. ../src/main/resources/es/templates/posts.json); applied as bench-LABEL-* and
          the index bench-LABEL-1 is created, replayed into and deleted.
Every 0.5 s: one bulk with the text-stage parts of the next RATE/2 posts (--first create: `create`, the sink's
CREATE_OR_MERGE when the document is new; --first update: `update` + doc_as_upsert, the sink before), and one bulk
merging the topic-stage parts (update + doc_as_upsert) into posts written LAG posts earlier (--topic none: no second
write; --topic index: the second write is an `index` of the whole document, text-stage and topic-stage parts
together, which replaces it without reading it). At the end it waits for merges to finish, then reads the CPU.
"""
import argparse, json, os, time, urllib.error, urllib.request

TOPIC = ['simhash', 'duplicateOf', 'duplicateKind', 'keywords', 'persons', 'places', 'organisations', 'topicId']
DROP = ['reprintCount', 'reprintSites']

ap = argparse.ArgumentParser()
ap.add_argument('url'); ap.add_argument('pid', type=int); ap.add_argument('docs'); ap.add_argument('template')
ap.add_argument('label'); ap.add_argument('--rate', type=int, default=700); ap.add_argument('--lag', type=int, default=3000)
ap.add_argument('--first', default='create'); ap.add_argument('--topic', default='update')
ap.add_argument('--limit', type=int, default=0)
a = ap.parse_args()

def call(method, path, body=None, ndjson=False):
    data = None
    if body is not None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    r = urllib.request.Request(a.url + path, data=data, method=method,
                               headers={'Content-Type': 'application/x-ndjson' if ndjson else 'application/json'})
    try:
        return json.load(urllib.request.urlopen(r, timeout=120))
    except urllib.error.HTTPError as e:
        if method == 'DELETE' and e.code == 404:
            return None
        raise RuntimeError(f'{method} {path}: {e.code} {e.read()[:500]}')

def cpu_ms():
    f = open(f'/proc/{a.pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(f[11]) + int(f[12])) * 1000.0 / os.sysconf('SC_CLK_TCK')

docs = [json.loads(l) for l in open(a.docs, encoding='utf-8')]
if a.limit:
    docs = docs[:a.limit]
texts, topics = [], []
donors = [d for d in docs if any(k in d for k in TOPIC)]
for i, d in enumerate(docs):
    t = {k: v for k, v in d.items() if k not in TOPIC and k not in DROP}
    src = d if any(k in d for k in TOPIC) else donors[i % len(donors)]
    texts.append(t)
    topics.append({k: src[k] for k in TOPIC if k in src})

tpl = json.load(open(a.template, encoding='utf-8'))
tpl['index_patterns'] = [f'bench-{a.label}-*']
tpl['priority'] = 500
tpl['template'].pop('aliases', None)
call('PUT', f'/_index_template/bench-{a.label}', tpl)
index = f'bench-{a.label}-1'
call('DELETE', f'/{index}')
call('PUT', f'/{index}', {})
call('GET', '/_cluster/health?wait_for_status=yellow')

def bulk(lines):
    if not lines:
        return
    r = call('POST', '/_bulk', '\n'.join(lines) + '\n', ndjson=True)
    if r['errors']:
        bad = [it for it in r['items'] if list(it.values())[0].get('error')]
        raise RuntimeError(f'{len(bad)} bulk errors, first {bad[0]}')

per_tick = max(1, a.rate // 2)
c0, t0 = cpu_ms(), time.time()
i = j = 0
n = len(docs)
tick = t0
while j < n:
    lines = []
    for k in range(i, min(n, i + per_tick)):
        doc = docs[k]['id']
        if a.first == 'create':
            lines += [json.dumps({'create': {'_index': index, '_id': doc}}), json.dumps(texts[k], ensure_ascii=False)]
        else:
            lines += [json.dumps({'update': {'_index': index, '_id': doc, 'retry_on_conflict': 5}}),
                      json.dumps({'doc': texts[k], 'doc_as_upsert': True}, ensure_ascii=False)]
    i = min(n, i + per_tick)
    bulk(lines)
    upto = n if i >= n else max(0, i - a.lag)
    lines = []
    if a.topic == 'update':
        for k in range(j, min(upto, j + per_tick * 2)):
            lines += [json.dumps({'update': {'_index': index, '_id': docs[k]['id'], 'retry_on_conflict': 5}}),
                      json.dumps({'doc': topics[k], 'doc_as_upsert': True}, ensure_ascii=False)]
        j = min(upto, j + per_tick * 2)
        bulk(lines)
    elif a.topic == 'index':
        for k in range(j, min(upto, j + per_tick * 2)):
            lines += [json.dumps({'index': {'_index': index, '_id': docs[k]['id']}}),
                      json.dumps({**texts[k], **topics[k]}, ensure_ascii=False)]
        j = min(upto, j + per_tick * 2)
        bulk(lines)
    else:
        j = i
    tick += 0.5
    time.sleep(max(0, tick - time.time()))
# let refreshes and merges of what was written finish
for _ in range(60):
    time.sleep(1)
    s = call('GET', f'/{index}/_stats/merge')['_all']['primaries']['merges']
    if s['current'] == 0:
        break
time.sleep(2)
c1, t1 = cpu_ms(), time.time()
st = call('GET', f'/{index}/_stats/docs,store,indexing,get,refresh,merge')['_all']['primaries']
out = {'label': a.label, 'first': a.first, 'topic': a.topic, 'posts': n, 'rate': a.rate, 'seconds': round(t1 - t0, 1),
       'es_cpu_ms_per_post': round((c1 - c0) / n, 3),
       'store_kib': st['store']['size_in_bytes'] // 1024, 'index_ms': st['indexing']['index_time_in_millis'],
       'get_ms': st['get']['time_in_millis'], 'refresh_ms': st['refresh']['total_time_in_millis'],
       'merge_ms': st['merges']['total_time_in_millis'], 'docs': st['docs']['count']}
print(json.dumps(out))
call('DELETE', f'/{index}')
