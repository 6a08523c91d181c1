test test/cli/golden/files/warned-tests.rules
