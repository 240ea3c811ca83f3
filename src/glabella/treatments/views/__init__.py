"""HTML pages of treatments: plans, the charting page, signing and after."""
