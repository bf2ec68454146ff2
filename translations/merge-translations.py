#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fills translations/vigie_fr.ts from tab-separated files of "English<TAB>French" lines
(a third column gives the plural French form). Only unfinished messages are filled.
Usage: merge-translations.py vigie_fr.ts hints.tsv [more.tsv ...]; prints what is still missing."""
import sys
import xml.etree.ElementTree as ET


def unescape(s):
    return s.replace('\\n', '\n').replace('\\t', '\t')


def main():
    ts_path, tsvs = sys.argv[1], sys.argv[2:]
    hints = {}
    for path in tsvs:
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if not line or line.startswith('#') or '\t' not in line:
                    continue
                cols = [unescape(c) for c in line.split('\t')]
                hints[cols[0]] = cols[1:]
    tree = ET.parse(ts_path)
    missing = []
    for ctx in tree.getroot().iter('context'):
        name = ctx.findtext('name')
        for msg in ctx.iter('message'):
            src = msg.findtext('source')
            tr = msg.find('translation')
            if tr.get('type') not in ('unfinished', None) or (tr.get('type') is None and (tr.text or len(tr))):
                continue
            if src not in hints:
                missing.append((name, src))
                continue
            forms = hints[src]
            for child in list(tr):
                tr.remove(child)
            if msg.get('numerus') == 'yes':
                tr.text = None
                for form in (forms + forms)[:2] if len(forms) == 1 else forms[:2]:
                    nf = ET.SubElement(tr, 'numerusform')
                    nf.text = form
            else:
                tr.text = forms[0]
            tr.attrib.pop('type', None)
    tree.write(ts_path, encoding='utf-8', xml_declaration=True)
    with open(ts_path, encoding='utf-8') as f:
        body = f.read()
    body = body.replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    with open(ts_path, 'w', encoding='utf-8') as f:
        f.write(body if body.endswith('\n') else body + '\n')
    for name, src in missing:
        print(f'{name}\t{src!r}')
    print(f'{len(missing)} untranslated', file=sys.stderr)


if __name__ == '__main__':
    main()
