"""Which records the audit log follows, and which it leaves out and why.

Every model of COP Hub is named here, in one list or the other; a test fails on a model that is
in neither, so a new model is never logged (or left out) by accident.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Followed:
    # Fields whose values are never copied into the log; a change to them is still recorded.
    hidden: frozenset[str] = field(default_factory=frozenset)
    # Fields left out altogether: derived from others (search text) or touched on every sign-in.
    skipped: frozenset[str] = field(default_factory=frozenset)


def _followed(hidden=(), skipped=()) -> Followed:
    return Followed(hidden=frozenset(hidden), skipped=frozenset(skipped))


# The public records, the reference data, the accounts and their roles.
FOLLOWED: dict[str, Followed] = {
    "core.Region": _followed(),
    "core.Country": _followed(),
    "core.Organisation": _followed(),
    "core.MandateParagraph": _followed(),
    "accounts.User": _followed(hidden={"password"}, skipped={"last_login"}),
    "accounts.AccountRequest": _followed(),
    "workgroup.Group": _followed(),
    "workgroup.Meeting": _followed(),
    "workgroup.AgendaItem": _followed(),
    "workgroup.Document": _followed(skipped={"search_text", "search_vector"}),
    "workgroup.DocumentFile": _followed(skipped={"text"}),
    # Who confirmed a co-source, and the secretariat's reason when it confirmed on its behalf.
    "workgroup.CoSource": _followed(),
    # The key behind the device tallies is a secret, not part of the record, and is destroyed
    # when the consultation closes: it never reaches the log.
    "consultations.Consultation": _followed(skipped={"duplicate_key"}),
    "consultations.Question": _followed(),
    "consultations.Option": _followed(),
    "resources.Topic": _followed(),
    "resources.Audience": _followed(),
    "resources.GuidelineSet": _followed(),
    "resources.Resource": _followed(skipped={"updated_at"}),
    "resources.LanguageVersion": _followed(skipped={"extracted_text"}),
    "helplines.Helpline": _followed(skipped={"updated_at"}),
    "helplines.ContactChannel": _followed(),
    "helplines.OpeningHours": _followed(),
    "helplines.ChangeProposal": _followed(),
    # What a public source says of 116 111 (or another dedicated number) in a country.
    "helplines.DedicatedNumber": _followed(skipped={"updated_at"}),
    "countries.ChecklistItem": _followed(),
    "countries.Measure": _followed(skipped={"updated_at"}),
    "countries.Evidence": _followed(),
    "countries.Roadmap": _followed(skipped={"updated_at"}),
    "countries.Milestone": _followed(),
    "countries.RoadmapDocument": _followed(),
    "countries.Proposal": _followed(),
    "statistics.Indicator": _followed(),
    # One entry when a file is taken in and one with its counts, never one per observation.
    "statistics.Submission": _followed(),
    "coordination.Topic": _followed(),
    "coordination.Activity": _followed(skipped={"terms", "updated_at"}),
    "coordination.ActivityLink": _followed(),
    "coordination.OverlapMark": _followed(),
    # A Member State's request for assistance and each step the secretariat took on it.
    "countries.AssistanceRequest": _followed(),
    "countries.AssistanceStep": _followed(),
    # A meeting's summary record, the comments on it, its decisions and actions, the reports'
    # own words and editions, and what was sent to which organisations.
    "workgroup.MeetingReport": _followed(),
    "workgroup.ReportComment": _followed(),
    "workgroup.Outcome": _followed(),
    "workgroup.ReportText": _followed(),
    "workgroup.ReportEdition": _followed(),
    "workgroup.DistributionList": _followed(),
    "workgroup.DistributionAddress": _followed(),
    "workgroup.Dispatch": _followed(),
    "trainings.Training": _followed(),
    # Who asked for a training, and how the secretariat answered.
    "trainings.TrainingRequest": _followed(),
}

NOT_FOLLOWED: dict[str, str] = {
    # Children's answers are anonymous and must not reach any log, not even the secretariat's;
    # the consultation's results page gives their counts.
    "consultations.Response": "answers from children",
    "consultations.Answer": "answers from children",
    "consultations.FreeTextAnswer": "answers from children",
    # The outbox holds set-password links until they are sent; the action that wrote the mail
    # (an account approved, a document registered) is the entry.
    "jobs.OutgoingMail": "mail waiting to be sent, with set-password links",
    # Any address anyone typed into the reset form, known or not, until the queue handles it:
    # logging it would keep what a stranger typed, and tell which addresses have accounts.
    "accounts.PasswordResetRequest": "a reset asked for an address, deleted once handled",
    "consultations.DeviceTally": "anonymous counts of answers per device",
    # Raised by a child's answer; who read and who handled it are logged as their own entries.
    "consultations.Disclosure": "a child's answer waiting for a safeguarding contact",
    # Millions of rows copied in by a submission, which is logged once.
    "statistics.Observation": "logged once per submission",
    "statistics.ObservationRevision": "logged once per submission",
    "workgroup.DocumentCounter": "the numbering counter; the document itself is logged",
    "workgroup.MeetingRegistration": "a delegate's attendance: personal, not a public record",
    "workgroup.Subscription": "a reader's e-mail subscription: personal, not a public record",
    "resources.SearchEntry": "the search index, derived from the resource",
    "resources.DeletedRecord": "the OAI-PMH tombstone of a deletion that is logged itself",
    "helplines.DailyCount": "anonymous counts of the finder's use",
    "countries.Change": "the country page's public history of changes that are logged themselves",
    "workgroup.ReportGeneration": "a report's generation in progress; the registered report is logged",
    "workgroup.PaperGeneration": "a meeting paper's generation in progress; the registered paper is logged",
}

# A change of status that is a step of the record's workflow is logged as that step.
STATUS_ACTIONS = {
    "registered": "register",
    "returned": "return",
    "withdrawn": "withdraw",
    "published": "publish",
    "accepted": "accept",
    "approved": "approve",
    "rejected": "reject",
    "confirmed": "approve",  # a co-source of a document confirmed
    "declined": "reject",
}
