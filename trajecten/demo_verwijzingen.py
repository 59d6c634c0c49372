"""Demo referrals and the sociale kaart's contact persons (filled in by the ketenpartners feature)."""
