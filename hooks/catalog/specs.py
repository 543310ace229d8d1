"""What each kind of data file may hold. The validator and the JSON Schemas both come from here."""

from __future__ import annotations

from .fields import Boolean, Choice, Day, Integer, Price, Text, Url
from .shapes import KeyedBy, ListOf, Localized, OneOrList, Record, Variant

PROVIDER_KINDS = ("cloud-api", "gateway", "local", "cloud-platform", "sign-in", "custom-endpoint")
CAPABILITIES = ("vision", "prompt-cache", "reasoning", "tools")
STATUSES = ("active", "preview", "deprecated", "retired")
CURRENCIES = ("USD", "CNY")
PLANS = ("free", "subscription", "unlisted", "unknown")
ID_PATTERN = r"[a-z0-9][a-z0-9-]*"
CANONICAL_PATTERN = r"[a-z0-9][a-z0-9.-]*[a-z0-9]"
MODEL_ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._:/@\[\]+-]*"

SOURCE = Record(
    "A public page or upstream snapshot that states facts in this file. Models name it by its key.",
    fields={
        "url": Url("Address of the source: a page, or for an upstream snapshot the file at its commit."),
        "title": Localized("What the source is, in both languages; mark an English-only page “（英文）” in Chinese.",
                           max_length=200),
        "date": Day("For a snapshot (a file at a commit): the commit's date. Numbers checked against it "
                    "cannot be checked before it existed."),
    },
    required=("url", "title"),
    example="`pricing: {url: https://groq.com/pricing, title: {en: Groq pricing, zh: Groq 价格页（英文）}}`",
)

_UPSTREAM_ID = r"[a-z0-9][a-z0-9.-]*"
_UPSTREAM_FIELDS = {
    "models_dev": Text("The models.dev provider id (a folder under `providers/` in its repository).",
                       pattern=_UPSTREAM_ID, example="groq", max_length=60),
    "cline": Text("The provider id in Cline's generated model catalog.", pattern=_UPSTREAM_ID, example="groq",
                  max_length=60),
}
UPSTREAM = Record(
    "Where `scripts/sync` finds this provider's models in machine-readable upstream catalogs.",
    fields={
        **_UPSTREAM_FIELDS,
        "endpoints": KeyedBy("For models of one endpoint (their `endpoint:`), other upstream ids, e.g. "
                             "`china: {models_dev: alibaba-cn, cline: alibaba-cn}`.",
                             item=Record("Upstream ids for one endpoint.", fields=_UPSTREAM_FIELDS)),
        "left_out": KeyedBy("Models an upstream lists that this file leaves out on purpose, by upstream id, each "
                            "with the reason; `scripts/sync` reports them as explained instead of as drift.",
                            key_pattern=MODEL_ID_PATTERN,
                            item=Text("Why the model is left out, for the next person who runs the sync.",
                                      example="upstream states an output limit larger than the context window",
                                      max_length=300)),
    },
)

TIER = Record(
    "Prices that apply up to a prompt size; the last tier may leave `up_to` out (no upper bound).",
    fields={
        "up_to": Integer("Largest prompt, in tokens, that this tier covers.", example=200000),
        "input": Price("Input price per million tokens in this tier."),
        "output": Price("Output price per million tokens in this tier."),
        "cache_read": Price("Cache-read price per million tokens in this tier."),
        "cache_write": Price("Cache-write price per million tokens in this tier."),
    },
    required=("input", "output"),
)

PRICE = Record(
    "What the model costs. Either `plan` (free, subscription, unlisted, unknown) or `currency` with input and "
    "output prices per million tokens. A free model is `plan: free`, never a price of 0.",
    fields={
        "plan": Choice("Instead of prices: `free` (no charge), `subscription` (part of a paid plan), `unlisted` "
                       "(the provider publishes no price) or `unknown` (the provider publishes a price that nobody "
                       "has recorded here yet). Never write a free model as a price of 0.", values=PLANS),
        "currency": Choice("Currency of every price in this block, as the provider bills it: USD or CNY.",
                           values=CURRENCIES),
        "input": Price("Price per million input (prompt) tokens, as on the pricing page, e.g. 0.59 for $0.59/M."),
        "output": Price("Price per million output (completion) tokens."),
        "cache_read": Price("Price per million prompt tokens read from the cache."),
        "cache_write": Price("Price per million prompt tokens written to the cache."),
        "tiers": ListOf("Prices by prompt size, smallest first.", item=TIER, min_items=1),
        "source": Text("For a block taken from another page than the model's `source` (a price list in yuan, "
                       "say): the key in this file's `sources`.", pattern=ID_PATTERN, example="pricing-china",
                       max_length=60),
    },
    example="write `{currency: USD, input: 0.59, output: 0.79}` or `{plan: free}`",
    variants=(
        Variant("a `plan` price", required=("plan",), allowed=("plan",)),
        Variant("a per-token price", required=("currency", "input", "output"),
                allowed=("currency", "input", "output", "cache_read", "cache_write", "tiers", "source")),
    ),
)

MODEL = Record(
    "One model as Cline offers it for this provider.",
    fields={
        "id": Text("The model id exactly as typed into Cline or sent to the API (case and slashes included).",
                   pattern=MODEL_ID_PATTERN, example="llama-3.3-70b-versatile", max_length=120),
        "name": Text("The model's name as the provider writes it.", example="Llama 3.3 70B Versatile", max_length=120),
        "model": Text("The model this entry serves, the same under every provider: the upstream base model's "
                      "name in lower case, without namespace, region or alias suffix (`openai/gpt-oss-120b`, "
                      "`accounts/fireworks/models/gpt-oss-120b` and `openai.gpt-oss-120b-1:0` all serve "
                      "`gpt-oss-120b`). Entries that share it are listed together on the model's page.",
                      pattern=CANONICAL_PATTERN, example="gpt-oss-120b", max_length=80),
        "vendor": Text("The lab that made the model: an id from data/vendors.yaml.", pattern=ID_PATTERN,
                       example="meta", max_length=60),
        "base_vendor": Text("For distilled or fine-tuned models: the lab whose model it builds on.",
                            pattern=ID_PATTERN, example="meta", max_length=60),
        "endpoint": Text("For providers with several endpoints: the `endpoints` id this model belongs to.",
                         pattern=ID_PATTERN, example="china", max_length=60),
        "context": Integer("Context window in tokens (prompt and output together), written out in full as the source "
                           "states it: 131072, not 128K.", example=131072),
        "max_output": Integer("Largest number of tokens one response may have; at most `context`.", example=32768),
        "upstream_id": Text("The model's id in the upstream catalogs, when it differs from `id`.",
                            pattern=MODEL_ID_PATTERN, example="openai/gpt-oss-120b", max_length=120),
        "price": OneOrList("What the model costs: one price block, or a list with one block per currency the "
                           "provider bills in (mainland-China accounts pay in CNY). Never a converted figure.",
                           item=PRICE),
        "capabilities": ListOf("What the model can do in Cline: `vision` (reads images), `prompt-cache` (cheaper "
                               "repeated prompts), `reasoning` (thinks before answering), `tools` (function calling). "
                               "`[]` for none.", item=Choice("A capability.", values=CAPABILITIES)),
        "status": Choice("`active`, `preview` (offered for evaluation, may change), `deprecated` (announced for "
                         "retirement: add `deprecated:` with the date) or `retired` (withdrawn: add `retired:`).",
                         values=STATUSES),
        "deprecated": Day("For a deprecated model: the date it will be retired, YYYY-MM-DD."),
        "retired": Day("For a retired model: the date of the first source that shows it withdrawn, YYYY-MM-DD "
                       "(it was withdrawn on that day or before)."),
        "replacement": Text("For a deprecated or retired model, where the provider names one: the id of the model "
                            "in this file to move to.", pattern=MODEL_ID_PATTERN,
                            example="openai/gpt-oss-120b", max_length=120),
        "description": Localized("One line on what the model is good for.", max_length=300),
        "source": Text("The key in this file's `sources` that these numbers come from, when not `models_source`.",
                       pattern=ID_PATTERN, example="models-dev", max_length=60),
        "verified": Day("The day these numbers were compared with their source, YYYY-MM-DD. Change it only when "
                        "you compared them; `scripts/sync` sets it for the models it compares."),
    },
    required=("id", "name", "model", "vendor", "context", "max_output", "price", "capabilities", "status",
              "verified"),
)

ENDPOINT = Record(
    "An API base URL; providers with a mainland-China line list it as a second endpoint.",
    fields={
        "url": Url("The API base URL.", example="https://api.groq.com/openai/v1"),
        "region": Choice("Who the endpoint serves.", values=("global", "international", "china", "regional", "plan")),
        "label": Localized("How the endpoint is named in Cline or on the provider's site.", max_length=120),
        "console": Url("Console for this endpoint, when it differs."),
        "api_key_url": Url("Where keys for this endpoint are created, when it differs."),
    },
    required=("url", "region"),
)

CLINE = Record(
    "How the provider appears in Cline's settings.",
    fields={
        "provider": Text("The entry to pick in the “API Provider” list.", example="Groq", max_length=80),
        "key_field": Text("Label of the field the key is pasted into.", example="Groq API Key", max_length=80),
        "base_url_field": Text("Label of the base URL field, where there is one.", example="Base URL", max_length=80),
        "model_field": Text("Label of the model picker.", example="Model", max_length=80),
        "settings": ListOf("Setting keys Cline stores (for people reading Cline's source).",
                           item=Text("A setting key.", example="groqApiKey", max_length=80)),
        "env": ListOf("Environment variables read by the Cline CLI and SDK.",
                      item=Text("A variable name.", pattern=r"[A-Z][A-Z0-9_]*", example="GROQ_API_KEY")),
        "default_model": Text("The model Cline selects first.", pattern=MODEL_ID_PATTERN,
                              example="moonshotai/kimi-k2-instruct-0905", max_length=120),
        "live_models": Url("Where Cline fetches the model list live, if it does.",
                           example="https://api.groq.com/openai/v1/models"),
        "live_models_note": Localized("How the live list is fetched, when it needs saying.", max_length=400),
    },
    required=("provider", "model_field"),
)

PROVIDER = Record(
    "A provider file: data/providers/<id>.yaml. The id is the file name.",
    fields={
        "name": Text("The provider's name as Cline shows it. The id is the file name, not written here.",
                     example="Groq", max_length=80),
        "local_name": Localized("The name in each language where it differs (e.g. 阿里云百炼).", max_length=80),
        "aliases": ListOf("Other names readers type when looking for this provider, in either language: the "
                          "company, product or console names (e.g. 通义千问, DashScope). Search finds the page by "
                          "them.",
                          item=Text("A name.", example="DashScope", max_length=40), min_items=1),
        "kind": Choice("How readers connect; picks the setup steps from data/guides.yaml: `cloud-api` (an API key), "
                       "`gateway` (one key for many labs), `local` (a server on your machine), `cloud-platform` "
                       "(cloud credentials), `sign-in` (an account login), `custom-endpoint` (your own URL).",
                       values=PROVIDER_KINDS),
        "summary": Localized("Two or three sentences introducing the provider.", max_length=800),
        "website": Url("The provider's home page.", example="https://groq.com/"),
        "console_url": Url("Where the reader signs in to manage the account.", example="https://console.groq.com/"),
        "api_key_url": Url("Where API keys are created.", example="https://console.groq.com/keys"),
        "pricing_url": Url("The provider's price list.", example="https://groq.com/pricing"),
        "models_url": Url("The provider's own list of model ids.", example="https://console.groq.com/docs/models"),
        "docs_url": Url("The provider's API documentation.", example="https://console.groq.com/docs"),
        "endpoints": KeyedBy("API base URLs by id (e.g. `global`, `china`).", item=ENDPOINT),
        "openai_compatible": Boolean("Whether the API speaks the OpenAI chat-completions format."),
        "cline": CLINE,
        "key_steps": ListOf("Steps to get a key or sign in, replacing the guide for this kind.",
                            item=Localized("One step.", max_length=500), min_items=2),
        "setup_steps": ListOf("Steps to configure Cline, replacing the guide for this kind.",
                              item=Localized("One step.", max_length=500), min_items=2),
        "links": ListOf("Further reading shown on the page.", item=Record(
            "A link.", fields={"title": Localized("Link text; end the Chinese one with （英文） when the page is in "
                                                  "English only.", max_length=200), "url": Url("Address."),
                               "url_zh": Url("The Chinese edition of the same page, where the publisher has one "
                                             "(Chinese pages link to it; its Chinese title then has no （英文）).")},
            required=("title", "url"))),
        "tips": ListOf("Short, practical advice.", item=Localized("One tip.", max_length=600)),
        "notes": ListOf("Limits and caveats worth knowing.", item=Localized("One note.", max_length=600)),
        "upstream": UPSTREAM,
        "models_source": Text("The key in `sources` where the model numbers come from, unless a model names its "
                              "own `source`.", pattern=ID_PATTERN, example="models-dev", max_length=60),
        "sources": KeyedBy("Public pages and upstream snapshots that state the facts in this file, by a short key "
                           "(`pricing`, `models-dev`, …).", item=SOURCE),
        "verified": Day("The day you last checked this file's provider facts (addresses, settings, steps) against "
                        "the sources, YYYY-MM-DD. Models carry their own `verified`."),
        "models": ListOf("The models Cline lists for this provider (empty when the list is fetched live).",
                         item=MODEL),
    },
    required=("name", "kind", "summary", "website", "cline", "sources", "models_source", "verified", "models"),
)

VENDORS = KeyedBy(
    "data/vendors.yaml: the labs that make models, by id.",
    item=Record("A model vendor.", fields={
        "name": Localized("The vendor's name in each language.", max_length=80),
        "website": Url("The vendor's home page."),
        "upstream": ListOf("Names models.dev and Cline's catalog use for this lab: a lab folder, a model id's "
                           "namespace (`meta-llama`) or a model family's prefix (`llama`); scripts/sync uses them "
                           "to pick the vendor of a model it adds.",
                           item=Text("A name, lower case.", pattern=r"[a-z0-9][a-z0-9._-]*", example="meta-llama",
                                     max_length=60)),
    }, required=("name", "website")),
)

LABELS = KeyedBy("data/labels/*.yaml: every UI string, in both languages, by key.", key_pattern=r"[a-z0-9][a-z0-9_.-]*",
                 item=Localized("A UI string.", max_length=600))

GLOSSARY = ListOf("data/glossary.yaml: terms and their translations.", item=Record(
    "A term.", fields={"en": Text("English term.", max_length=80), "zh": Text("Chinese term.", max_length=80),
                       "note": Localized("What the term means here.", max_length=400),
                       "avoid": ListOf("Chinese words for this concept that the site does not use; "
                                       "`scripts/check chinese` refuses them.", item=Text("A word.", max_length=40)),
                       "keep": ListOf("Phrases where an avoided word is right (a company's own term, e.g. AWS 账户).",
                                      item=Text("A phrase.", max_length=40))},
    required=("en", "zh", "note")))

GUIDES = KeyedBy(
    "data/guides.yaml: setup steps per provider kind, with {placeholders} filled from each provider.",
    item=Record("The guide for one provider kind.", fields={
        "heading": Localized("Heading of the first setup section, e.g. “Getting an API key”.", max_length=80),
        "key_steps": ListOf("Getting a key or signing in.", item=Localized("One step.", max_length=600), min_items=1),
        "setup_steps": ListOf("Configuring Cline.", item=Localized("One step.", max_length=600), min_items=1),
    }, required=("heading", "key_steps", "setup_steps")),
)

CHANGE_EVENTS = ("added", "changed", "deprecated", "retired", "removed")
CHANGE_FACTS = ("name", "vendor", "context", "max_output", "capabilities", "status", "plan", "input", "output",
                "cache_read", "cache_write", "tiers")

FACT_CHANGE = Record(
    "One fact of a model that changed, with its value before and after as text.",
    fields={
        "fact": Choice("Which fact changed.", values=CHANGE_FACTS),
        "currency": Choice("For a price fact: the currency of the price block.", values=CURRENCIES),
        "from": Text("The value before (left out when there was none): a number, a status or plan id, capability ids "
                     "separated by spaces, or tiers as `up_to:input/output` separated by spaces (`*` for no bound).",
                     example="0.59", max_length=300),
        "to": Text("The value after (left out when there is none), written like `from`.", example="0.65",
                   max_length=300),
    },
    required=("fact",),
    example="`{fact: input, currency: USD, from: '0.59', to: '0.65'}`",
)

CHANGES = ListOf("data/changes.yaml: what changed in the catalog, one entry per model and recorded change, newest "
                 "first. `scripts/sync --write` and `scripts/check diff BASE --record` add entries; write them by "
                 "hand only to correct one.", item=Record(
    "The changes of one model recorded at once (by one sync or one --record).",
    fields={
        "date": Day("The day the change entered the catalog, YYYY-MM-DD."),
        "provider": Text("The provider id (a file name under data/providers/).", pattern=ID_PATTERN, example="groq",
                         max_length=60),
        "model": Text("The model id as in the provider file.", pattern=MODEL_ID_PATTERN,
                      example="llama-3.3-70b-versatile", max_length=120),
        "endpoint": Text("For a provider with several endpoints: the model's `endpoint`.", pattern=ID_PATTERN,
                         example="china", max_length=60),
        "event": Choice("What happened: `added`, `changed` (facts below), `deprecated`, `retired` or `removed`.",
                        values=CHANGE_EVENTS),
        "source": Text("The key in the provider's `sources` that the new facts come from.", pattern=ID_PATTERN,
                       example="models-dev", max_length=60),
        "facts": ListOf("The facts that changed (for `added`: the new model's main facts).", item=FACT_CHANGE),
    },
    required=("date", "provider", "model", "event", "source")))
TASK_PROFILE = Record(
    "One typical Cline task: how many requests it makes and what each request sends, reads from and writes to the "
    "cache, and generates. Counts are per request, averaged over the task, in the four buckets Cline's task "
    "history records (`tokensIn`, `cacheReads`, `cacheWrites`, `tokensOut`).",
    fields={
        "id": Text("A short id for links and the export.", pattern=ID_PATTERN, example="small-fix", max_length=40),
        "name": Localized("The task's name as readers see it.", max_length=60),
        "description": Localized("One sentence: what kind of work this is.", max_length=300),
        "requests": Integer("API requests in the task: Cline sends one per step (each tool use is a step).",
                            example=25),
        "prompt_tokens": Integer("Tokens sent per request, the whole conversation so far included (in Cline's "
                                 "counts, `tokensIn` + `cacheReads` + `cacheWrites` of one request).", example=45000),
        "cache_read_percent": Integer("Share of the prompt served from the provider's cache, in percent (0–100).",
                                      minimum=0, maximum=100, example=85),
        "cache_write_tokens": Integer("Tokens per request written to the cache (the new end of the conversation).",
                                      minimum=0, example=5000),
        "output_tokens": Integer("Tokens generated per request (Cline's `tokensOut`).", example=1200),
        "basis": Localized("Where the numbers come from and which of them are assumptions.", max_length=600),
    },
    required=("id", "name", "description", "requests", "prompt_tokens", "cache_read_percent", "cache_write_tokens",
              "output_tokens", "basis"),
)

TASK_PROFILES = Record(
    "data/task-profiles.yaml: typical Cline tasks, priced for every model on the provider pages, the task-cost page "
    "and in the export.",
    fields={
        "default": Text("The id of the profile that the provider pages' cost column uses.", pattern=ID_PATTERN,
                        example="feature", max_length=40),
        "profiles": ListOf("The profiles, in the order readers see them.", item=TASK_PROFILE, min_items=1),
    },
    required=("default", "profiles"),
)
