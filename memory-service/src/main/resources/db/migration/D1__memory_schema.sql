-- Down of V1: the memory's tables, with every row in them.
DROP TABLE episodes;
DROP TABLE pattern_recognition;
DROP TABLE ai_memory;
DROP TABLE decision_history;
