"""Home page against a bare Django view, same server, same run."""

from harness import compare, print_figure


def run(host: str, port: int, *, requests: int, concurrency: int) -> list[dict]:
    figures = []
    for lang in ("en", "ar"):
        page, base = compare(
            host, port, path=f"/{lang}/", requests=requests, concurrency=concurrency
        )
        figures.append(print_figure(f"home page /{lang}/", page, base))
    return figures
