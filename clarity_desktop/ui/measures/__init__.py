"""What the partners answer: the clinic-screen check-in (one partner at a time)."""
