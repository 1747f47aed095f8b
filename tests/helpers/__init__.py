"""What the tests share: pages and clients, people and their actions, servers, worlds and data.
Test modules import from here (or get fixtures from conftest.py), never from each other."""
