# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP output for the check-*.py tests: each check is a name and the
problems found (none when it passed)."""


def report(results):
    """Prints @results, a list of (name, problems), as TAP; returns the exit status."""
    status = 0
    print(f"1..{len(results)}")
    for number, (name, problems) in enumerate(results, 1):
        if problems:
            status = 1
            print(f"not ok {number} {name}")
            for problem in problems:
                for line in str(problem).splitlines() or [""]:
                    print(f"# {line}")
        else:
            print(f"ok {number} {name}")
    return status
