"""
The quytac command run as a subprocess of this Python, as a user would run it.
"""

import subprocess
import sys


def run(*args, cwd=None, env=None):
    """
    Run `python -m quytac ARGS...`; its output as text, whatever its exit status.
    """
    return subprocess.run(
        [sys.executable, "-m", "quytac", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        check=False,
    )
