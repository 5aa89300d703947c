import sys

try:
    from generator.cli import finish, main
except ModuleNotFoundError as exc:  # the system's python3, not .venv's: one sentence, exit 2 (no_packages)
    from generator.argwords import lang_of
    from generator.no_packages import said

    if (sentence := said(exc, sys.argv[1:], lang_of(sys.argv[1:]))) is None:
        raise
    sys.stderr.write(sentence + "\n")
    sys.exit(2)

finish(main())
