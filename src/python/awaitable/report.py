"""Plain-text rendering of a run, for terminals."""

__all__ = ["format_run", "format_time"]


def format_time(t):
    return f"{t:8.3f}s"


def format_run(run):
    """The output lines with virtual timestamps, then how the run ended."""
    lines = []
    for line in run["output"]:
        marker = " " if line["stream"] == "stdout" else "!"
        lines.append(f"[{format_time(line['t'])}]{marker} {line['text']}")
    if run["output_dropped"]:
        lines.append(f"... {run['output_dropped']} more lines "
                     f"({run.get('output_dropped_chars', 0):,} characters) "
                     "were not kept (output limit)")
    error = run["error"]
    if error:
        lines.append(error["traceback"])
    stopped = run["stopped"]
    if stopped:
        lines.append(f"Stopped: {stopped['message']}")
        for waiting in stopped["waiting"]:
            where = f" (line {waiting['line']})" if waiting["line"] else ""
            lines.append(f"  task {waiting['name']!r} waits on {waiting['waits_on']}{where}")
        if stopped.get("hint"):
            lines.append(f"Hint: {stopped['hint']}")
    for explanation in run.get("explanations") or []:
        lines += ["", f"{explanation['title']}", explanation["text"]]
    lines.append(f"-- virtual time at the end: {run['virtual_time']:g}s")
    return "\n".join(lines)
