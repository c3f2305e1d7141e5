# The clusterkg API. Used by docker-compose.yml next to the official Neo4j image.
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml constraints.txt README.md ./
COPY clusterkg ./clusterkg
COPY api ./api
COPY graph ./graph
COPY loaders ./loaders
COPY queries ./queries
RUN pip install --no-cache-dir -c constraints.txt . && useradd --create-home clusterkg
USER clusterkg
EXPOSE 8000
# Load the plan (idempotent) and serve; plans are mounted read-only at /plans.
CMD ["sh", "-c", "clusterkg load plan && clusterkg serve --host 0.0.0.0 --port 8000"]
