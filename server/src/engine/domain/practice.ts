/**
 * Practice mode (issue 11): the interview's problem statements and its pacing, as data.
 *
 * Each prompt is what an interviewer says at the start of an ML system design interview, in the
 * interviewer's voice: the product, the users, the scale and the constraints the book's dialogue gives,
 * and nothing the candidate is expected to decide (no task type, metric, model, loss, split or serving
 * choice). `facts` are what the interviewer answers when asked a clarifying question — the practice doc
 * lists them because nobody is there to ask. Sources: the archetype table (`archetypes.ts`), domain.md
 * §2 and genai-domain.md §2.
 *
 * Pacing: domain.md gives no interview pacing (§4.9 only mentions "a 45-minute template"), so the split
 * below is ours: requirements and the business objective first (7 of the 5–10 minutes the issue asks),
 * the model the longest box, the three production steps 5–6 minutes each. The boxes sum to 45 minutes.
 */
/** The framework's step keys (the catalogue's `StepKey`, spelled here: domain tables import nothing from the engine). */
export type PracticeStep = 'requirements' | 'framing' | 'data' | 'model' | 'evaluation' | 'serving' | 'monitoring';

export interface PracticeProblem {
  /** the archetype id (`news-feed`) */
  archetype: string;
  /** the interviewer's opening: the problem, not the answer */
  prompt: string;
  /** what the interviewer answers to clarifying questions (requirements facts, never design choices) */
  facts: readonly string[];
}

export interface PracticePhase {
  step: PracticeStep;
  /** status-bar and report label */
  title: string;
  /** the time box, minutes */
  minutes: number;
  /** what the interviewer expects to hear in this phase (the nudge names it) */
  focus: string;
}

/** The session length, minutes. */
export const PRACTICE_MINUTES = 45;

/** The framework's seven phases in interview order with their time boxes (sum: 45 minutes). */
export const PRACTICE_PHASES: readonly PracticePhase[] = [
  {
    step: 'requirements',
    title: 'Requirements',
    minutes: 7,
    focus: 'the business objective, scale, latency and what is out of scope',
  },
  { step: 'framing', title: 'Framing', minutes: 5, focus: 'the ML objective, the task type, input and output' },
  { step: 'data', title: 'Data', minutes: 7, focus: 'sources, labels, features and the split' },
  { step: 'model', title: 'Model', minutes: 10, focus: 'a baseline, the candidates, the stages and the loss' },
  { step: 'evaluation', title: 'Evaluation', minutes: 6, focus: 'offline metrics, online metrics and the experiment' },
  { step: 'serving', title: 'Serving', minutes: 5, focus: 'the serving mode, latency per stage, rollout and fallback' },
  { step: 'monitoring', title: 'Monitoring', minutes: 5, focus: 'drift, alerts and the retraining cadence' },
];

/** The twenty problems (ten classic, ten generative), in book order. `other` has no interview. */
export const PRACTICE_PROBLEMS: readonly PracticeProblem[] = [
  {
    archetype: 'visual-search',
    prompt:
      'Design a visual search feature for an image-sharing platform like Pinterest: a user selects an image, or crops part of one, and sees visually similar images.',
    facts: [
      'The platform hosts about 100–200 billion images, and more are uploaded every day.',
      'Results must come back fast.',
      'Image queries only: no text queries, no personalization, image metadata is not used.',
      'Users can click on a result; there are no likes or saves for this feature.',
    ],
  },
  {
    archetype: 'object-detection',
    prompt:
      'Design a system that blurs faces and license plates in Street View imagery before it is published, to protect the privacy of the people in it.',
    facts: [
      'About 1 million images are annotated with boxes around faces and plates.',
      'New imagery arrives continuously; existing images stay visible while new ones are processed, so publishing new imagery later is acceptable.',
      'A face or plate left unblurred is a privacy incident; users can report one.',
    ],
  },
  {
    archetype: 'video-search',
    prompt:
      'Design the search of a video platform like YouTube: a user types a text query and gets a list of videos that match it.',
    facts: [
      'About 1 billion videos.',
      'About 10 million ⟨video, query⟩ pairs have been annotated by people.',
      'English only; no personalization for now.',
    ],
  },
  {
    archetype: 'harmful-content',
    prompt:
      'Design a system that detects harmful posts on a social network like Facebook: violence, nudity, hate speech and similar, in text, images and video.',
    facts: [
      'More than 500 million posts are created per day, in many languages.',
      'Human reviewers can label about 10,000 posts a day; users can report posts.',
      'Some harms must be caught within seconds, others can wait.',
      'When a post is taken down, its author must be told why.',
    ],
  },
  {
    archetype: 'video-recommendation',
    prompt:
      'Design the homepage of a video platform like YouTube: when a user opens the app, show the videos they will want to watch.',
    facts: [
      'About 10 billion videos; a global, multilingual audience.',
      'The homepage must load within about 200 ms.',
      'Users can like, dislike, comment on and share videos, and watch them for any length of time.',
    ],
  },
  {
    archetype: 'event-recommendation',
    prompt:
      'Design personalized event suggestions for a platform like Eventbrite: show each user the upcoming events they are most likely to register for.',
    facts: [
      'About 1 million new events are posted a month; about 1 million users visit daily.',
      'Events have a place and a time; users may share their location.',
      'Users can register for an event, and invite or follow friends.',
    ],
  },
  {
    archetype: 'ad-click-prediction',
    prompt:
      'Design the system that decides which ads a social platform shows in its feed, by predicting whether a user will click on an ad.',
    facts: [
      'Advertisers pay per click, and the prediction feeds the ad auction.',
      'New ads and campaigns appear all the time and users’ interests change quickly.',
      'Users can click an ad or hide it.',
    ],
  },
  {
    archetype: 'similar-items',
    prompt:
      'Design the “similar listings” carousel of a vacation-rental marketplace like Airbnb: when a user views a listing, show other listings they may like.',
    facts: [
      'About 5 million listings.',
      'A newly posted listing should be able to appear in the carousel within a day.',
      'Anonymous and logged-in users get the same experience; only browsing sessions are available, no user or listing attributes.',
      'Bookings matter more than clicks.',
    ],
  },
  {
    archetype: 'news-feed',
    prompt:
      'Design the personalized news feed of a social network like Facebook: when a user opens the app, decide in which order to show the unseen posts from their friends, groups and followed pages.',
    facts: [
      'About 3 billion users, about 2 billion of them daily; a user checks the feed about twice a day.',
      'The feed must load in under 200 ms.',
      'Users can click, like, share, comment on, hide or block posts.',
    ],
  },
  {
    archetype: 'people-you-may-know',
    prompt:
      'Design “People You May Know” for a professional network like LinkedIn: suggest people a user may want to connect with.',
    facts: [
      'About 1 billion users, 300 million of them daily.',
      'A typical user has about 1,000 connections; the network changes slowly.',
      'A user can send a connection request, which the other person may accept days later, or ignore a suggestion.',
    ],
  },
  {
    archetype: 'smart-compose',
    prompt:
      'Design a feature like Gmail Smart Compose: while a user types an email, suggest how the current sentence could continue; pressing Tab accepts the suggestion.',
    facts: [
      'More than a billion users write email every day.',
      'A suggestion that arrives after the user has typed the next characters is useless.',
      'English first; suggestions must never be offensive or reveal other people’s emails.',
    ],
  },
  {
    archetype: 'machine-translation',
    prompt:
      'Design a translation service like Google Translate: a user enters text in one language and reads it in another.',
    facts: [
      'Over 100 languages, many with little parallel text available; more than a billion users.',
      'The user may not say which language the text is in.',
      'Names and numbers must come through unchanged.',
    ],
  },
  {
    archetype: 'chatbot',
    prompt:
      'Design a personal assistant like ChatGPT: users hold multi-turn conversations with it to get answers, writing help and code.',
    facts: [
      'Replies should start appearing within about a second.',
      'The assistant must refuse harmful requests and resist users who try to trick it.',
      'Conversations can be long; a large user base means cost matters.',
    ],
  },
  {
    archetype: 'image-captioning',
    prompt:
      'Design a system that writes a one-sentence caption for every image users upload to a photo platform, used for search and as alt text.',
    facts: [
      'Captions must describe what is actually in the image and never offend.',
      'Millions of image–text pairs from the web are available, plus a smaller curated set.',
    ],
  },
  {
    archetype: 'rag',
    prompt:
      'Design a ChatPDF-like assistant: users upload their own documents (PDFs, manuals, wiki pages) and ask questions about them in natural language.',
    facts: [
      'An answer must say where in the documents it comes from.',
      'If the documents do not contain the answer, the assistant must say so.',
      'A user must never see content from another user’s documents.',
      'Documents are added, edited and deleted all the time.',
    ],
  },
  {
    archetype: 'face-generation',
    prompt:
      'Design a system that generates realistic images of human faces that belong to no real person, for avatars and synthetic datasets.',
    facts: [
      'The faces must vary across age, gender and ethnicity.',
      'About 70,000 high-quality face photos at 1024 × 1024 are available.',
      'The images must not be usable to impersonate real people.',
    ],
  },
  {
    archetype: 'high-resolution-synthesis',
    prompt: 'Design a system that generates high-resolution images, 1024 × 1024 and larger, from scratch.',
    facts: ['About 5 million high-resolution images are available.', 'One image should take about 5 seconds.'],
  },
  {
    archetype: 'text-to-image',
    prompt:
      'Design a text-to-image service like DALL·E or Midjourney: a user types a description and gets images that match it.',
    facts: [
      'Prompts of up to about 128 words; 1024 × 1024 images in about 10 seconds.',
      'About 500 million captioned images are available.',
      'Some users will try to generate unsafe images or images of real people.',
    ],
  },
  {
    archetype: 'personalized-headshot',
    prompt:
      'Design a product that turns 10–20 photos a user uploads of themselves into about 50 professional headshots of that person.',
    facts: [
      'Outputs at 1024 × 1024; they must look like the user.',
      'Users accept waiting for their results.',
      'Someone may upload photos of another person.',
    ],
  },
  {
    archetype: 'text-to-video',
    prompt: 'Design a text-to-video service: a user types a description and gets a short video clip that matches it.',
    facts: [
      'Five-second clips at 1280 × 720 and 24 frames per second.',
      'About 100 million captioned videos are available.',
      'Users accept waiting a few minutes at first.',
    ],
  },
];

/** The problem of an archetype id, if it has one. */
export function practiceProblem(archetype: string): PracticeProblem | undefined {
  return PRACTICE_PROBLEMS.find((p) => p.archetype === archetype);
}
