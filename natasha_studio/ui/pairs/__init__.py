"""The Pairs tab: the table, filters, detail editor and review shortcuts."""
