"""The HTTP service: OpenAI-compatible chat, Dify external knowledge, calculators as a service, MCP."""
