"""exit and quit as the interactive prompt shows them (refscope's own module)."""

import builtins
import sys


class Quitter(object):
    def __init__(self, name, eof):
        self.name = name
        self.eof = eof

    def __repr__(self):
        return "Use %s() or %s to exit" % (self.name, self.eof)

    def __call__(self, code=None):
        # Closing stdin first, as CPython's site does, lets an interactive
        # session end cleanly.
        try:
            sys.stdin.close()
        except Exception:
            pass
        raise SystemExit(code)


def install():
    builtins.exit = Quitter("exit", "Ctrl-D (i.e. EOF)")
    builtins.quit = Quitter("quit", "Ctrl-D (i.e. EOF)")
