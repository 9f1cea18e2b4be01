"""danvan: typed records and exact indicators for Vietnam's mass-mobilisation work."""
