"""A script that runs the command line in a fresh interpreter (``python -c PROBE ARGS``)
and prints, as one JSON object, its exit code and every module it loaded."""

PROBE = """
import json, sys
from treatydiff.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    code = done.code
print(json.dumps({"exit": code, "modules": sorted(sys.modules)}))
"""
