import ast

from awaitable.grading import Submission, check, fail

# Appended to the learner's program. It replaces fetch_page with one that
# serves another catalog (seven products, pages of three) and records which
# pages were asked for, so the checks see how all_products() pages.
PROBE = '''


__probe_catalog = [{"name": f"item{n}", "price": n} for n in range(1, 8)]
__probe_pages = []


async def fetch_page(page):
    import asyncio as __asyncio
    __probe_pages.append(page)
    await __asyncio.sleep(0.5)
    start = (page - 1) * 3
    products = __probe_catalog[start:start + 3]
    next_page = page + 1 if start + 3 < len(__probe_catalog) else None
    return {"products": products, "next_page": next_page}


async def __probe_products(count):
    import asyncio as __asyncio
    loop = __asyncio.get_running_loop()
    seen = []
    async for product in all_products():
        seen.append((product["name"], round(loop.time(), 6)))
        if len(seen) == count:
            break
    return {"seen": seen, "pages": list(__probe_pages)}
'''

ALL_NAMES = [f"item{n}" for n in range(1, 8)]


def _probe(program, count):
    return Submission(program.source.rstrip() + "\n" + PROBE).call("__probe_products", count)


def _works_with_async_for(run):
    error = run.error
    if error is None:
        return
    if error["type"] == "TypeError" and "async for" in error["message"]:
        fail("`async for product in all_products():` to work", f"TypeError: {error['message']}",
             "all_products() must be an async generator: `yield` each product instead of returning a list")
    fail("`async for product in all_products():` to run without an error",
         f"{error['type']}: {error['message']}",
         "all_products() should only call fetch_page(n) and read its \"products\" and \"next_page\"")


@check("the program runs to the end without an error")
def runs(program):
    program.run().expect_no_error()


@check("all_products() yields every product of every page, in order, asking for each page once")
def every_product(program):
    run = _probe(program, 100)
    _works_with_async_for(run)
    run.expect_no_blocking_calls()
    names = [name for name, _ in run.value["seen"]]
    pages = run.value["pages"]
    if names != ALL_NAMES:
        tip = ("only the first page came through: after a page's products, go on with "
               "data[\"next_page\"] until it is None") if names == ALL_NAMES[:3] else (
               "yield each product of each page, in order, until next_page is None")
        fail(f"with a 7-product catalog in pages of 3, the products {', '.join(ALL_NAMES)}",
             ", ".join(names) or "no products", tip)
    if pages != [1, 2, 3]:
        fail("pages 1, 2 and 3, each asked for once", f"pages {pages}",
             "fetch each page once, in order, starting from page 1")


@check("all_products() fetches a page only when the previous one is used up")
def lazy(program):
    run = _probe(program, 4)
    _works_with_async_for(run)
    seen = run.value["seen"]
    pages = run.value["pages"]
    if len(seen) < 4:
        fail("the first 4 products of a 7-product catalog in pages of 3",
             f"only {len(seen)} products came, from pages {pages}",
             "when a page is used up, go on with the page in data[\"next_page\"]")
    if pages != [1, 2] or len(seen) < 4 or abs(seen[3][1] - 1.0) > 1e-6:
        got = f"pages {pages} were requested"
        if len(seen) >= 4:
            got += f", and the 4th product arrived at t={seen[3][1]:g}s"
        fail("taking only the first 4 products to fetch pages 1 and 2 (the 4th product at t=1s)", got,
             "don't collect every page before yielding: fetch a page, yield its products, "
             "and only then fetch the next one")


def _line(run, prefix):
    for line in run.output:
        if line.text.strip().lower().startswith(prefix):
            return line
    return None


@check("main() stops at the first product over 40: `first over 40: grinder` at t=1s")
def first_expensive(program):
    run = program.run()
    line = _line(run, "first over 40:")
    if line is None or line.text.split(":", 1)[1].strip() != "grinder":
        fail("the line 'first over 40: grinder'", repr(line.text) if line else "no 'first over 40:' line",
             "loop with `async for product in all_products():` and print the first name whose price is over 40")
    if abs(line.t - 1.0) > 1e-6:
        fail("it at t=1s, after two pages", f"it at t={line.t:g}s",
             "`break` out of the loop at the grinder; pages 3 and 4 should never be fetched, "
             "so all_products() must not fetch a page before it is needed"
             if line.t > 1.0 else "each page takes 0.5 s to fetch: the grinder is on page 2")


@check("main() then lists the cheap products: `cheap: ['mug', 'spoon', 'filter', 'jar']` at t=3s")
def cheap_products(program):
    run = program.run()
    line = _line(run, "cheap:")
    wanted = ["mug", "spoon", "filter", "jar"]
    try:
        names = ast.literal_eval(line.text.split(":", 1)[1].strip()) if line else None
    except (ValueError, SyntaxError):
        names = None
    if names != wanted:
        fail(f"the line 'cheap: {wanted}'", repr(line.text) if line else "no 'cheap:' line",
             "print the list of names of every product under 10: "
             "`[p[\"name\"] async for p in all_products() if p[\"price\"] < 10]`")
    if abs(line.t - 3.0) > 1e-6:
        fail("it at t=3s: one second for the first pass, two for all four pages", f"it at t={line.t:g}s",
             "the first pass should stop after page 2 (t=1s); the second reads four pages, 0.5 s each")
