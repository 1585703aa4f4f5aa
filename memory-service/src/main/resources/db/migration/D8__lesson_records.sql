-- Down of V8: a lesson's credit no longer gives it a new generation.
DROP TRIGGER ai_memory_credited ON ai_memory;
