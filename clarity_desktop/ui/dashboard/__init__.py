"""The case dashboard, the Dynamics panel and the practice overview."""
