"""Clinical knowledge base: versioned data files, their schema and a validating loader."""

from glabella.knowledge.errors import KnowledgeError, PolicyError
from glabella.knowledge.kb import KnowledgeBase
from glabella.knowledge.loader import load_knowledge

__all__ = ["KnowledgeBase", "KnowledgeError", "PolicyError", "load_knowledge"]
