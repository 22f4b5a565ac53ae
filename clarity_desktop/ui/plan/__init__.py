"""The treatment plan: its page in the main window (plan_page.py), its editor (plan_form.py),
the agreement box of the case dashboard (agreement_box.py)."""
