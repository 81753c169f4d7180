"""The feedback e-mail: the answer to the person who asked, when they gave an e-mail address (the form
promises it). A mail-server outage is logged; the answer is saved and published all the same."""

from home.mail import send_templated


def send_answer(item):
    send_templated("eservices/feedback/email/answer", {"item": item}, [item.email], fail_silently_logged=True)
