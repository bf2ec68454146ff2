# SPDX-License-Identifier: GPL-3.0-or-later
"""Running Vigie's command-line tool: where it is, in which language, with progress and cancel.

The plugin never links Vigie into QGIS (Vigie is Qt 6, Debian's QGIS is Qt 5): every step is a
vigie-cli process, whose arguments are a list (no shell), whose output is read as text and
whose JSON is parsed, never evaluated.
"""
import codecs
import json
import os
import re
import selectors
import shutil
import subprocess

from qgis.core import QgsApplication, QgsProcessingException, QgsSettings

from .texts import text

SETTING = "vigie/cliPath"
_PROGRESS = re.compile(r"^\s*(\d{1,3})% (.*)$")


def language():
    """"fr" or "en": $VIGIE_LANGUAGE when set, else QGIS's interface language when it is one of
    Vigie's, else French."""
    chosen = os.environ.get("VIGIE_LANGUAGE", "")
    if chosen[:2] in ("fr", "en"):
        return chosen[:2]
    return "en" if (QgsApplication.locale() or "fr").startswith("en") else "fr"


def find_cli():
    """vigie-cli: $VIGIE_CLI, the plugin's setting, then the PATH. None when not found."""
    for candidate in (os.environ.get("VIGIE_CLI"), QgsSettings().value(SETTING, "")):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("vigie-cli")


def environment():
    env = dict(os.environ)
    env["VIGIE_LANGUAGE"] = language()
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def describe(cli):
    """Every algorithm's definition, as `vigie-cli run --list --json` gives it."""
    done = subprocess.run([cli, "run", "--list", "--json"], capture_output=True, text=True,
                          env=environment(), timeout=60, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip() or f"vigie-cli exited with {done.returncode}")
    return json.loads(done.stdout)


def run(cli, args, feedback, low=0.0, high=100.0):
    """Runs `vigie-cli ARGS`, maps its progress lines to low..high on the feedback, stops it
    (SIGTERM: Vigie cancels cleanly and leaves its files unchanged) when the user cancels.
    Returns its standard output; raises QgsProcessingException with Vigie's message."""
    feedback.pushCommandInfo("vigie-cli " + " ".join(args))
    with subprocess.Popen([cli] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=environment()) as process:
        return _follow(process, feedback, low, high)


def _follow(process, feedback, low, high):
    errors, out, pending = [], [], [""]
    decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def take_lines(chunk):
        pending[0] += chunk
        *lines, pending[0] = pending[0].split("\n")
        for line in lines:
            match = _PROGRESS.match(line)
            if match:
                share = min(100, int(match.group(1))) / 100.0
                feedback.setProgress(low + (high - low) * share)
                feedback.setProgressText(match.group(2))
            elif line.strip():
                errors.append(line.strip())

    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ, "out")
    selector.register(process.stderr, selectors.EVENT_READ, "err")
    streams = 2
    while streams:
        if feedback.isCanceled():
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
            raise QgsProcessingException(text("canceled"))
        for key, _ in selector.select(timeout=0.1):
            data = os.read(key.fileobj.fileno(), 65536)
            if not data:
                selector.unregister(key.fileobj)
                streams -= 1
            elif key.data == "out":
                out.append(data)
            else:
                take_lines(decoder.decode(data))
    selector.close()
    process.wait()
    take_lines(decoder.decode(b"", final=True) + "\n")
    if process.returncode != 0:
        message = next((e for e in reversed(errors) if e.startswith(("error", "erreur"))),
                       errors[-1] if errors else f"vigie-cli: {process.returncode}")
        raise QgsProcessingException(message)
    for line in errors:
        feedback.pushInfo(line)
    return b"".join(out).decode("utf-8", "replace")
