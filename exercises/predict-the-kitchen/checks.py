import re

from awaitable.grading import check, fail

#: what the kitchen program prints, unchanged: (virtual time, line)
KITCHEN = [
    (0, "start soup"), (1, "soup ready"),
    (1, "start rice"), (1, "start eggs"), (1, "start tea"),
    (2, "eggs ready"), (3, "tea ready"), (4, "rice ready"),
    (4, "dinner is served"),
]
#: the program's lines that come from the kitchen, as opposed to prints a learner adds
KITCHEN_LINE = re.compile(r"^(start \w+|\w+ ready|dinner is served)$")
#: every sleep of the program added up, and the longest one: the two classic wrong totals
SUM_OF_SLEEPS = 1 + 3 + 1 + 2
LONGEST_SLEEP = 3


def _kitchen_output(run):
    return [line for line in run.output if KITCHEN_LINE.match(line.text.strip())]


def _normal(text):
    return " ".join(str(text).split()).lower()


def _prediction(run, name):
    namespace = run.result.namespace
    if name not in namespace:
        fail(f"a variable named {name} at the top of the program",
             f"there is no {name}", f"put back the line `{name} = ...` from the starting code and fill it in")
    return namespace[name]


@check("the program runs to the end without an error")
def runs(program):
    run = program.run()
    error = run.error
    # The sandbox's explanation of the error says what to do in full;
    # expect_no_error() would give only its title.
    if error is not None and error.get("explanation"):
        where = f" at line {error['line']}" if error.get("line") else ""
        fail("the program runs to the end without an error",
             f"{error['type']}{where}: {error['message']}", error["explanation"]["text"])
    run.expect_no_error()


@check("the kitchen code is unchanged: it prints the same lines at the same times as at the start")
def kitchen_unchanged(program):
    run = program.run()
    printed = [(line.t, line.text.strip()) for line in _kitchen_output(run)]
    same = len(printed) == len(KITCHEN) and all(
        text == expected_text and abs(t - expected_t) < 1e-3
        for (t, text), (expected_t, expected_text) in zip(printed, KITCHEN))
    if not same:
        fail("cook() and main() to stay as they were: the exercise is to predict what they do",
             "the program now prints something else, or at other times",
             "undo your changes to cook() and main() and only fill in PREDICTED_LINES and PREDICTED_SECONDS")


@check("PREDICTED_LINES lists the lines in the order the program prints them")
def lines_predicted(program):
    run = program.run()
    predicted = _prediction(run, "PREDICTED_LINES")
    if isinstance(predicted, str):
        predicted = [line for line in predicted.splitlines() if line.strip()]
    if not isinstance(predicted, (list, tuple)):
        fail("PREDICTED_LINES to be a list of strings, one per printed line",
             f"it is {type(predicted).__name__}: {predicted!r}",
             'write it as a list: `PREDICTED_LINES = ["start soup", "soup ready", ...]`')
    if not predicted:
        fail("your prediction of the program's output", "PREDICTED_LINES is empty",
             "before you press Run, write down each line you expect, in order, "
             "one string per line, for example \"start soup\"")
    actual = [line.text.strip() for line in _kitchen_output(run)]
    for number, (guess, real) in enumerate(zip(predicted, actual), start=1):
        if _normal(guess) != _normal(real):
            fail(f"line {number} of your prediction to be the program's line {number}",
                 f"you predicted {str(guess)!r}, and the program printed {real!r}",
                 _order_tip(str(guess), real))
    if len(predicted) < len(actual):
        fail(f"all {len(actual)} lines the program prints",
             f"your prediction stops after {len(predicted)} lines, all of them right so far",
             "carry on: what does each dish print when its wait is over, and what does main() print last?")
    if len(predicted) > len(actual):
        fail(f"the {len(actual)} lines the program prints, and no more",
             f"your prediction has {len(predicted)} lines; the first {len(actual)} are right",
             "remove the extra lines: each dish prints one line as it starts and one when it is ready")


def _order_tip(guess, real):
    guess, real = _normal(guess), _normal(real)
    if guess.endswith("ready") and real.startswith("start"):
        return ("asyncio.gather starts every dish it is given before any of them finishes: "
                "each one runs until its `await asyncio.sleep(...)`, then the next one starts")
    if guess.endswith("ready") and real.endswith("ready"):
        return ("the dishes in gather wait at the same time, so the shortest wait ends first, "
                "whatever their order in the gather call")
    if guess.startswith("start") and real.endswith("ready"):
        return ("`await cook(\"soup\", 1)` finishes the soup before the next line of main() runs; "
                "inside gather, a dish is ready once its own wait is over")
    return "follow the clock: at each moment, which wait ends next, and what does that coroutine print?"


@check("PREDICTED_SECONDS is the virtual time at which the program ends")
def seconds_predicted(program):
    run = program.run()
    predicted = _prediction(run, "PREDICTED_SECONDS")
    if isinstance(predicted, bool) or not isinstance(predicted, (int, float)):
        fail("PREDICTED_SECONDS to be a number of seconds", f"it is {predicted!r}",
             "write a number, for example `PREDICTED_SECONDS = 12`")
    real = run.virtual_time
    if abs(predicted - real) < 1e-3:
        return
    if abs(predicted - SUM_OF_SLEEPS) < 1e-3:
        tip = (f"{SUM_OF_SLEEPS:g}s is every wait added up, as if they ran one after another; "
               "the three dishes inside gather wait at the same time, so together they take only as long as the longest")
    elif abs(predicted - LONGEST_SLEEP) < 1e-3:
        tip = ("the soup is cooked before gather starts (main() awaits it first), "
               "so its wait comes on top of the dishes that wait together")
    else:
        tip = ("add up the waits that happen one after another; where waits overlap, "
               "count only the longest of them")
    fail("your predicted end time to be when the program really ends",
         f"you predicted {predicted:g}s, and the program ends at t={real:g}s", tip)
