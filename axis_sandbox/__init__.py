"""A stand-in for the Hà Tĩnh provincial document-exchange axis (standards §7), for tests and clerk training.

Run it with `python -m axis_sandbox --db axis.sqlite`; the protocol choices are described in `axis_sandbox.app`,
fault injection in `axis_sandbox.faults`. It shares no code with `app/`: it plays the other side of the wire.
"""
