# Production image of the API. Untested here: these machines run no Docker engine.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm install --omit=dev --ignore-scripts && npm install --no-save tsx
COPY tsconfig.json ./
COPY src ./src
COPY seeds ./seeds
COPY schema ./schema
EXPOSE 4000
USER node
CMD ["node", "--max-old-space-size=256", "--import", "tsx", "src/main.ts"]
