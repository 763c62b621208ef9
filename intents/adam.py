"""Adam, the optimiser both learned models train with, updating numpy arrays in place.

Full-batch and from zero weights, so the same examples always give the same model.
"""

from __future__ import annotations

import math

import numpy as np


class Adam:
    """The usual constants (0.9, 0.999); one call to `step` per pass over all the examples."""

    def __init__(self, parameters: list[np.ndarray], step_size: float) -> None:
        self.parameters, self.step_size, self.steps = parameters, step_size, 0
        self.moments = [np.zeros_like(p) for p in parameters]
        self.squares = [np.zeros_like(p) for p in parameters]

    def step(self, gradients: list[np.ndarray]) -> None:
        self.steps += 1
        correction = math.sqrt(1 - 0.999**self.steps) / (1 - 0.9**self.steps)
        for parameter, gradient, moment, square in zip(self.parameters, gradients, self.moments, self.squares):
            moment *= 0.9
            moment += 0.1 * gradient
            square *= 0.999
            square += 0.001 * gradient**2
            parameter -= self.step_size * correction * moment / (np.sqrt(square) + 1e-8)
