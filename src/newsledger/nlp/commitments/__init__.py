"""Commitments: pledges, guarantees, ultimatums, deadlines and agreements -> doc._.commitments."""
from .component import CommitmentsComponent, make_commitments

__all__ = ["CommitmentsComponent", "make_commitments"]
