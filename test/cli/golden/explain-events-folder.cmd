explain test/cli/golden/files/deals.rules --events test/cli/golden/files/merge --entity deal/D1
