"""A supplier using the chat pages with plain form posts, as a browser without JavaScript."""

from tests.helpers.pages import csrf_token, parse


class Chat:
    """A supplier using the chat pages with plain form posts, as a browser without JavaScript."""

    def __init__(self, client, council: str | None = None):
        self.client = client
        start_url = f"/assistant/?council={council}" if council else "/assistant/"
        start = parse(client.get(start_url))
        response = client.post(start_url, data={"csrf_token": csrf_token(start)})
        assert response.status_code == 303
        self.url = response.headers["Location"]
        self.soup = parse(client.get(self.url))

    @property
    def token(self) -> str:
        return self.url.rsplit("/", 1)[-1]

    def say(self, text: str):
        response = self.client.post(
            self.url, data={"csrf_token": csrf_token(self.soup), "text": text}
        )
        assert response.status_code == 303
        assert response.headers["Location"].endswith(f"{self.url}#prompt")
        self.soup = parse(self.client.get(self.url))
        return self.soup

    def prompt_label(self) -> str:
        label = self.soup.select_one("#prompt legend, #prompt label")
        return label.get_text(" ", strip=True)
