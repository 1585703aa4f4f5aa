-- Down of V3: no more change capture of the memory's tables.
DROP TRIGGER episodes_changes ON episodes;
DROP TRIGGER pattern_recognition_changes ON pattern_recognition;
DROP TRIGGER ai_memory_changes ON ai_memory;
DROP TRIGGER decision_history_changes ON decision_history;
