#!/usr/bin/env python3
"""Dumps the _source of every post document of a Minsheng Elasticsearch to NDJSON (input of replay-post-writes.py).

usage: dump-posts.py URL OUT [--alias minsheng-posts]
e.g. while `./minsheng bench pipeline` is in its segmentation-only pass (its node is still up; port in the node's
logs/http.ports): dump-posts.py http://127.0.0.1:PORT posts.ndjson
"""
import argparse, json, urllib.request

ap = argparse.ArgumentParser()
ap.add_argument('url'); ap.add_argument('out'); ap.add_argument('--alias', default='minsheng-posts')
a = ap.parse_args()


def call(path, body):
    r = urllib.request.Request(a.url + path, data=json.dumps(body).encode(),
                               headers={'Content-Type': 'application/json'})
    return json.load(urllib.request.urlopen(r, timeout=120))


r = call(f'/{a.alias}/_search?scroll=1m', {'size': 2000, 'sort': ['_doc']})
n = 0
with open(a.out, 'w', encoding='utf-8') as f:
    while r['hits']['hits']:
        for h in r['hits']['hits']:
            f.write(json.dumps(h['_source'], ensure_ascii=False) + '\n')
            n += 1
        r = call('/_search/scroll', {'scroll': '1m', 'scroll_id': r['_scroll_id']})
print(json.dumps({'dumped': n, 'out': a.out}))
