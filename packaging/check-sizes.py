#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The size rule of thumb (docs/architecture.md, "Code rules"): in core/ and app/, no source file over
MAX_FILE_LINES lines and no function over MAX_FUNCTION_LINES lines, unless a comment containing
"size-rule:" says why (in the file's first 20 lines for a file; just above the function, or in its
signature, for a function). Run by ctest as "sizes" (label lint).

Functions are found as .clang-format writes them: a brace alone on its line after the signature
(BraceWrapping AfterFunction). Strings, character literals and comments are blanked before braces
are counted, so a brace in a message does not confuse the count. A function's size is the number
of lines from its opening brace to its closing one; the lambdas inside a function count towards it.
"""
import os
import re
import sys

MAX_FILE_LINES = 800
MAX_FUNCTION_LINES = 120
MARKER = "size-rule:"
ROOTS = ("core", "app")


def in_number(text, i):
    """Whether the quote at i is a digit separator (1'000'000), not a character literal (u'0')."""
    k = i
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'."):
        k -= 1
    return k < i and text[k].isdigit() and i + 1 < len(text) and text[i + 1].isalnum()


def blank_code(text):
    """The text with the contents of comments, strings and character literals replaced by spaces
    (newlines kept, so line numbers stay)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "R" and text.startswith('R"', i) and (i == 0 or not text[i - 1].isalnum()):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            end = text.find(")" + m.group(1) + '"', i)
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            # A digit separator (1'000'000) is not a character literal.
            if c == "'" and in_number(text, i):
                out.append(" ")
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            closed = j < n and text[j] == c
            j = min(j + 1, n) if closed else j
            out.append(c + " " * max(0, j - i - 2) + (c if closed else " "))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def signature_start(code_lines, brace):
    """Index of the first line of the declaration whose body opens at line `brace`."""
    k = brace - 1
    while k >= 0:
        line = code_lines[k].strip()
        if not line or line.endswith((";", "}", "{")) or line.startswith("#") or \
                line in ("public:", "private:", "protected:"):
            return k + 1
        k -= 1
    return 0


def check_file(path, problems):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    raw = text.split("\n")
    if len(raw) > MAX_FILE_LINES and not any(MARKER in line for line in raw[:20]):
        problems.append(f"{path}: {len(raw)} lines (over {MAX_FILE_LINES}); split it by concern "
                        f"or say why in a '{MARKER}' comment at its top")
    code = blank_code(text).split("\n")
    i = 0
    while i < len(code):
        if code[i].strip() != "{":
            i += 1
            continue
        start = signature_start(code, i)
        header = " ".join(code[start:i])
        depth, k = 0, i
        while k < len(code):
            depth += code[k].count("{") - code[k].count("}")
            if depth == 0:
                break
            k += 1
        length = k - i + 1
        is_type = re.match(r"\s*(template\s*<.*>\s*)?(class|struct|union|enum)\b", header)
        if is_type:
            i += 1  # look inside: its member functions are checked one by one
            continue
        if length > MAX_FUNCTION_LINES:
            context = raw[max(0, start - 6):i + 1]
            if not any(MARKER in line for line in context):
                name = " ".join(raw[start].split())[:90]
                problems.append(f"{path}:{start + 1}: {name}: {length} lines (over "
                                f"{MAX_FUNCTION_LINES}); split it into steps or say why in a "
                                f"'{MARKER}' comment above it")
        i = k + 1


def self_test():
    """The check on made-up sources: it must flag what breaks the rule and only that."""
    import tempfile
    body = "\n".join(f"    x += {i};" for i in range(MAX_FUNCTION_LINES))
    cases = {
        # (source, problems expected)
        "long.cpp": ("int f()\n{\n" + body + "\n}\n", 1),
        "justified.cpp": ("// size-rule: a table.\nint f()\n{\n" + body + "\n}\n", 0),
        "short.cpp": ("int f()\n{\n    return 1;\n}\n", 0),
        # A brace in a string or a comment does not end the function early.
        "braces.cpp": ('int f()\n{\n    g("}"); // }\n' + body + "\n}\n", 1),
        # Member functions are looked at inside their class.
        "member.h": ("class C\n{\n    int f()\n    {\n" + body + "\n    }\n};\n", 1),
        "big.cpp": ("\n" * MAX_FILE_LINES + "int x;\n", 1),
    }
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (source, expected) in cases.items():
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8") as f:
                f.write(source)
            problems = []
            check_file(path, problems)
            if len(problems) != expected:
                failures.append(f"{name}: {len(problems)} problem(s) found, {expected} expected: "
                                f"{problems}")
    for failure in failures:
        print("check-sizes self-test: " + failure, file=sys.stderr)
    return not failures


def main():
    if not self_test():
        return 2
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.chdir(root)
    files = []
    for top in ROOTS:
        for dirpath, _, names in os.walk(top):
            files += [os.path.join(dirpath, n) for n in names if n.endswith((".cpp", ".h"))]
    problems = []
    for path in sorted(files):
        check_file(path, problems)
    if problems:
        print(f"check-sizes: {len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    print(f"check-sizes: {len(files)} files in {', '.join(ROOTS)} within the size rule "
          f"({MAX_FILE_LINES} lines a file, {MAX_FUNCTION_LINES} a function)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
