"""The offer as an A4 PDF, rendered from an HTML template with WeasyPrint."""

from flask import render_template

from knowledge.packs import CouncilPack
from knowledge.vocabulary import CLASSIFICATIONS, amount
from offer.fitting import blocks
from offer.model import Offer


def offer_pdf(offer: Offer, pack: CouncilPack) -> bytes:
    """A printable offer: the supplier, a commitments table, the text, page numbers."""
    html = render_template(
        "offers/pdf.html",
        offer=offer,
        pack=pack,
        amounts={c.id: amount(c.quantity, c.unit) for c in offer.commitments},
        kinds=CLASSIFICATIONS,
        blocks=blocks(offer.narrative.text),
        show_proxies=pack.procurement.uses_proxy_values and offer.totals.proxy_total_gbp,
    )
    # Imported here: WeasyPrint takes a third of a second to import, which every gunicorn
    # worker would pay at start-up for a download few people ask for.
    from weasyprint import HTML

    # PDF/UA-1: tagged, with a structure tree (headings, the table), title and language, so
    # screen readers and the council's document checks can read it.
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
