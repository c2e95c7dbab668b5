"""`python -m credwallet` runs the same CLI as the console script."""

from credwallet.cli.launch import run

if __name__ == "__main__":
    run()
