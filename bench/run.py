"""`make bench`: every benchmark, one after another."""

from bench import normalize_bench, pdf_bench, registry_bench

if __name__ == "__main__":
    normalize_bench.main()
    registry_bench.main()
    pdf_bench.main()
