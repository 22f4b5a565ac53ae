"""Tools for working on Clarity Desktop itself; the program never imports them."""
