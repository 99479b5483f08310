"""``python -m bot``: the command-line interface (see bot/cli.py)."""

import os
import sys

# spaCy's thinc imports TensorFlow when it is installed (Rasa brings it); keep its start-up
# chatter off stderr so that the CLI's output is only what it promises.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from bot.cli import main  # noqa: E402 - the environment must be set before TensorFlow loads

sys.exit(main(sys.argv[1:]))
