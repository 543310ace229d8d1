"""The copy button beside a model id puts exactly that id on the clipboard."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "zh": "zh/"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_copy_button_puts_the_model_id_on_the_clipboard(browse, lang):
    page = browse(permissions=["clipboard-read", "clipboard-write"])
    page.goto(PREFIX[lang] + "providers/groq/")
    for model_id in ("llama-3.3-70b-versatile", "qwen/qwen3-32b"):
        button = page.locator(f'button.copy-id[data-clipboard-text="{model_id}"]')
        # The id shown in the same cell is the one the button copies.
        assert model_id in button.locator("xpath=..").inner_text()
        button.click()
        page.wait_for_function("id => navigator.clipboard.readText().then(text => text === id)", arg=model_id)
        assert page.evaluate("navigator.clipboard.readText()") == model_id
