"""The archive's search against its peer, Datasette + SQLite FTS5 (``make bench-peer``).

For each corpus size and engine: build the peer's corpus with ``../shared/bench-peer/corpus.py``,
ingest the same XML (and the UN's record data) into the archive, serve it in production mode
(gunicorn, ``DJANGO_DEBUG=0``, no cache of search results exists to switch off), and run
``side-by-side.sh``, which interleaves archive and peer runs of the same 64 queries with wrk and
prints archive/peer ratios of requests/s and latency (target: requests/s ratio >= 1.0 at 1 and 8
connections). Skips with a message where ``../shared/bench-peer`` or ``wrk`` is missing.

    python bench/peer.py --sizes 100k --engines sqlite,postgresql --rounds 3 --duration 15
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from served import PEER, SIZES, corpus_loaded, peer_corpus, serving  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100k", help=f"comma-separated: {', '.join(SIZES)}")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--conns", default="1,8")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    args = parser.parse_args()
    if not (PEER / "side-by-side.sh").exists():
        print(
            f"SKIPPED bench-peer: the peer is not beside the checkout ({PEER.name}/ in ../shared)"
        )
        return 0
    if shutil.which("wrk") is None:
        print("SKIPPED bench-peer: wrk is missing (apt-get install wrk)")
        return 0
    ratios = []
    for size in args.sizes.split(","):
        for engine in args.engines.split(","):
            url = corpus_loaded(engine, size)
            with serving(url, workers=args.workers) as port:
                print(f"\n== {engine}, {size} paragraphs: archive on 127.0.0.1:{port}", flush=True)
                done = subprocess.run(
                    [
                        "bash",
                        str(PEER / "side-by-side.sh"),
                        f"http://127.0.0.1:{port}/search/?q={{q}}",
                        str(peer_corpus(size)),
                        str(args.rounds),
                        str(args.duration),
                        args.conns,
                    ],
                    capture_output=True,
                    text=True,
                )
                print(done.stdout, done.stderr[-2000:] if done.returncode else "", flush=True)
                if done.returncode:
                    return done.returncode
                ratios += [
                    f"{engine:10} {size:6} {line}"
                    for line in done.stdout.splitlines()
                    if line.startswith("archive/peer")
                ]
    print("\n== archive/peer (median of rounds, range in brackets)")
    print("\n".join(ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
