"""Three programs of a small project's build, each with its own duration."""


def setup(sandbox):
    processes = sandbox.processes
    processes.register_command("lint", output="2 problems found\n", delay=2.0, exit_code=1)
    processes.register_command("unit-tests", output="42 passed\n", delay=3.0)
    processes.register_command("build-docs", output="docs built\n", delay=1.0)
