"""Fine-tune and chat back ends behind one protocol (see ``base``)."""
